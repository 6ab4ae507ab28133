// Batches: bounded concurrency, failures isolated, cancellation keeps finished results.
import * as assert from 'node:assert/strict';
import { runBatch } from '../../src/executor/batch';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('aborted'));
    }, { once: true });
  });

describe('executor batches', () => {
  it('never runs more than `concurrency` items at once, and runs them all', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    const out = await runBatch(items, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(5 + (i % 3) * 5);
      running--;
      return i * 2;
    }, { concurrency: 4 });
    assert.equal(peak, 4);
    assert.deepEqual(out.map((o) => (o.ok ? o.value : null)), items.map((i) => i * 2), 'results in input order');
  });

  it('keeps going past failures and reports each one', async () => {
    const out = await runBatch([1, 2, 3, 4], async (i) => {
      if (i % 2 === 0) throw new Error(`bad ${i}`);
      return i;
    }, { concurrency: 2 });
    assert.deepEqual(out.map((o) => o.ok), [true, false, true, false]);
    const failed = out[1];
    assert.ok(!failed.ok && (failed.error as Error).message === 'bad 2' && !failed.cancelled);
  });

  it('after cancel, starts nothing new and keeps what finished', async () => {
    const ac = new AbortController();
    const progress: number[] = [];
    const out = await runBatch(Array.from({ length: 10 }, (_, i) => i), async (i, signal) => {
      await sleep(i < 2 ? 1 : 200, signal);
      return i;
    }, { concurrency: 2, signal: ac.signal, onSettled: (_o, done) => {
      progress.push(done);
      if (done === 2) ac.abort();
    } });
    const finished = out.filter((o) => o.ok).map((o) => o.item);
    assert.deepEqual(finished, [0, 1]);
    assert.ok(out.length <= 4, `started ${out.length}`);
    assert.ok(out.filter((o) => !o.ok).every((o) => !o.ok && o.cancelled));
    assert.deepEqual(progress.slice(0, 2), [1, 2]);
  });

  it('handles an empty list and a silly concurrency', async () => {
    assert.deepEqual(await runBatch([], async () => 1, { concurrency: 8 }), []);
    const out = await runBatch([1, 2], async (i) => i, { concurrency: 0 });
    assert.equal(out.length, 2);
  });
});
