// Scenario 2, folder batch: N small images through the folder commands' code path
// (runFileBatch over runBatch + execute, each file a Blob streamed from disk as the
// extension sends local files, then the CSV rows), against a server that answers
// after 50 ms; compared with the ideal N × 50 ms / concurrency and with one at a time.
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execute, runBatch } from '../src/executor';
import { reportCsv, reportRow } from '../src/extension/batchReport';
import { countOutcomes, runFileBatch } from '../src/extension/fileBatch';
import { makePng } from '../test/support/media';
import { fmt, table } from './stats';

export const BATCH_CONCURRENCY = 8;

async function runFolder(url: string, files: string[], concurrency: number): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  const outcomes = await runFileBatch(runBatch, files, async (file, signal) => {
    const image = await openAsBlob(file, { type: 'image/png' });
    return execute({ task: 'TASK_IMAGE_CLASSIFICATION', setup: { base_url: url }, input: { model: 'google/vit-base-patch16-224', image } }, { signal });
  }, { concurrency });
  reportCsv('classification', outcomes.map((o) => reportRow('classification', basename(o.file), o)));
  return { ms: performance.now() - started, failed: countOutcomes(outcomes).failed };
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
