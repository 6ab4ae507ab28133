// Scenario 3, large media: a big WAV file through speech recognition, each way of
// handing it to the executor in its own process: streamed from disk (a Blob from
// fs.openAsBlob), read into a buffer (what vscode.workspace.fs gives), or base64.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, mb, table } from './stats';

/** A valid 16-bit mono WAV of `bytes` bytes, written in pieces (never held whole). */
function writeWav(file: string, bytes: number): void {
  const dataBytes = bytes - 44;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(bytes - 8, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16000, 24);
  header.writeUInt32LE(32000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, header);
    const piece = Buffer.alloc(4 * 2 ** 20, 1);
    for (let left = dataBytes; left > 0; left -= piece.length) writeSync(fd, piece, 0, Math.min(piece.length, left));
  } finally {
    closeSync(fd);
  }
}

export interface LargeMediaRow { mode: string; size: number; ms: number; growth: number; mbPerS: number; growthRatio: number; text: string }

export function largeMediaScenario(url: string, bytes: number): { rows: LargeMediaRow[]; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hf-bench-media-'));
  try {
    const file = join(dir, 'big.wav');
    writeWav(file, bytes);
    const rows: LargeMediaRow[] = [];
    for (const mode of ['blob', 'buffer', 'base64']) {
      const line = execFileSync(process.execPath, ['--expose-gc', join(__dirname, 'largeMediaChild.js'), url, file, mode], { encoding: 'utf8', maxBuffer: 2 ** 20 });
      const r = JSON.parse(line.trim().split('\n').pop()!) as { mode: string; size: number; ms: number; growth: number; text: string };
      rows.push({ ...r, mbPerS: mb(r.size) / (r.ms / 1000), growthRatio: r.growth / r.size });
    }
    const names: Record<string, string> = { blob: 'Blob from disk (streamed)', buffer: 'bytes in memory', base64: 'base64 string' };
    const text = table(['input', 'file MB', 'peak RSS growth MB', '× file', 'MB/s'], rows.map((r) => [names[r.mode], fmt(mb(r.size), 0), fmt(mb(r.growth), 1), fmt(r.growthRatio), fmt(r.mbPerS, 0)]));
    return { rows, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
