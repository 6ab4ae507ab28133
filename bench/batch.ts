// Scenario 2, folder batch: N small images through the folder commands' code path
// (runBatch + execute, files read from disk), against a server that answers after
// 50 ms; compared with the ideal N × 50 ms / concurrency and with one at a time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, runBatch } from '../src/executor';
import { makePng } from '../test/support/media';
import { fmt, table } from './stats';

export const BATCH_CONCURRENCY = 8;

async function runFolder(url: string, files: string[], concurrency: number): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  const outcomes = await runBatch(files, async (file, signal) => {
    const image = await readFile(file);
    return execute({ task: 'TASK_IMAGE_CLASSIFICATION', setup: { base_url: url }, input: { model: 'google/vit-base-patch16-224', image } }, { signal });
  }, { concurrency });
  return { ms: performance.now() - started, failed: outcomes.filter((o) => !o.ok).length };
}

export async function batchScenario(url: string, count: number, latencyMs: number, sequentialCount: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hf-bench-batch-'));
  try {
    const files = Array.from({ length: count }, (_, i) => {
      const f = join(dir, `img-${i}.png`);
      writeFileSync(f, makePng(16 + (i % 16), 16, [i % 256, 80, 160]));
      return f;
    });
    const parallel = await runFolder(url, files, BATCH_CONCURRENCY);
    const sequential = await runFolder(url, files.slice(0, sequentialCount), 1);
    const ideal = (count * latencyMs) / BATCH_CONCURRENCY;
    const result = {
      files: count, concurrency: BATCH_CONCURRENCY, latencyMs,
      wallMs: parallel.ms, idealMs: ideal, vsIdeal: parallel.ms / ideal,
      sequentialFiles: sequentialCount, sequentialMs: sequential.ms,
      speedup: (sequential.ms / sequentialCount) / (parallel.ms / count),
      failed: parallel.failed + sequential.failed,
    };
    const text = table(['run', 'files', 'wall s', 'ideal s', '× ideal'], [
      [`concurrency ${BATCH_CONCURRENCY}`, count, fmt(parallel.ms / 1000), fmt(ideal / 1000), fmt(result.vsIdeal)],
      ['one at a time', sequentialCount, fmt(sequential.ms / 1000), fmt((sequentialCount * latencyMs) / 1000), fmt(sequential.ms / (sequentialCount * latencyMs))],
    ]) + `\nspeed-up per file over one at a time: ${fmt(result.speedup, 1)}×`;
    return { result, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
