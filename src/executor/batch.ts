// Bounded-concurrency batches: the engine behind folder runs. Plain Node, so the
// same code path is used by the extension's folder commands and the benchmark.
// One failure never stops the batch; cancelling keeps what already finished.

export type BatchOutcome<T, R> =
  | { item: T; index: number; ok: true; value: R; ms: number }
  | { item: T; index: number; ok: false; error: unknown; ms: number; cancelled: boolean };

export interface BatchOptions<T, R> {
  /** How many items run at once (at least 1). */
  concurrency: number;
  signal?: AbortSignal;
  /** Called as each item settles, in completion order. */
  onSettled?: (outcome: BatchOutcome<T, R>, done: number, total: number) => void;
}

/**
 * Runs `worker` over `items`, at most `concurrency` at a time. Resolves with one
 * outcome per item that was started, in input order. After `signal` aborts, no new
 * item starts; items in flight get the same signal (the worker should honour it).
 */
export async function runBatch<T, R>(
  items: readonly T[],
  worker: (item: T, signal: AbortSignal | undefined) => Promise<R>,
  options: BatchOptions<T, R>,
): Promise<BatchOutcome<T, R>[]> {
  const outcomes: (BatchOutcome<T, R> | undefined)[] = new Array(items.length);
  const width = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, items.length));
  let next = 0;
  let done = 0;

  const lane = async (): Promise<void> => {
    while (next < items.length && !options.signal?.aborted) {
      const index = next++;
      const item = items[index];
      const started = performance.now();
      let outcome: BatchOutcome<T, R>;
      try {
        const value = await worker(item, options.signal);
        outcome = { item, index, ok: true, value, ms: performance.now() - started };
      } catch (error) {
        outcome = { item, index, ok: false, error, ms: performance.now() - started, cancelled: !!options.signal?.aborted };
      }
      outcomes[index] = outcome;
      done++;
      try {
        options.onSettled?.(outcome, done, items.length);
      } catch {
        // A progress callback must not break the batch.
      }
    }
  };

  await Promise.all(Array.from({ length: width }, lane));
  return outcomes.filter((o): o is BatchOutcome<T, R> => o !== undefined);
}
