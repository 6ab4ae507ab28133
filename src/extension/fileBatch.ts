// A batch over files → one outcome per file (pure, no VS Code): the folder commands'
// and multi-selection's code path, and the one the benchmark measures. The executor's
// runBatch is handed in (this module is bundled into the extension, which loads the
// executor only at first use).
import type { BatchOptions, BatchOutcome } from '../executor';

export type RunBatch = <T, R>(items: readonly T[], worker: (item: T, signal: AbortSignal | undefined) => Promise<R>, options: BatchOptions<T, R>) => Promise<BatchOutcome<T, R>[]>;

export type FileOutcome<F, O> =
  | { file: F; status: 'ok'; output: O; ms: number }
  | { file: F; status: 'failed'; error: string; thrown: unknown; ms: number }
  /** Stopped by the cancel, or never started. */
  | { file: F; status: 'cancelled' };

export interface FileBatchOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** After each file settles: how many are done, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** The text of an error thrown by a worker (executor errors are already meant for people). */
export function errorText(error: unknown): string {
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  return message || 'Unknown error';
}

/**
 * Runs `work` over `files`, `concurrency` at a time; one failure never stops the rest.
 * Resolves with an outcome for every file, in the order given, once all started ones
 * have settled; after `signal` aborts, the ones not started are `cancelled`.
 */
export async function runFileBatch<F, O>(runBatch: RunBatch, files: readonly F[], work: (file: F, signal: AbortSignal | undefined) => Promise<O>, options: FileBatchOptions): Promise<FileOutcome<F, O>[]> {
  const settled = await runBatch(files, work, {
    concurrency: options.concurrency,
    signal: options.signal,
    onSettled: (_outcome, done, total) => options.onProgress?.(done, total),
  });
  const byIndex = new Map(settled.map((o) => [o.index, o]));
  return files.map((file, index): FileOutcome<F, O> => {
    const o = byIndex.get(index);
    if (!o || (!o.ok && o.cancelled)) return { file, status: 'cancelled' };
    return o.ok ? { file, status: 'ok', output: o.value, ms: o.ms } : { file, status: 'failed', error: errorText(o.error), thrown: o.error, ms: o.ms };
  });
}

export function countOutcomes(outcomes: readonly FileOutcome<unknown, unknown>[]): { ok: number; failed: number; cancelled: number } {
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  return { ok: count('ok'), failed: count('failed'), cancelled: count('cancelled') };
}
