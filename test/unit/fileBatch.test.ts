import { strict as assert } from 'node:assert';
import { runBatch } from '../../src/executor';
import { countOutcomes, errorText, runFileBatch } from '../../src/extension/fileBatch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runFileBatch', () => {
  it('gives one outcome per file, in order; a failure does not stop the others', async () => {
    const files = Array.from({ length: 20 }, (_, i) => `f${i}`);
    let running = 0;
    let most = 0;
    const progress: number[] = [];
    const outcomes = await runFileBatch(runBatch, files, async (f) => {
      most = Math.max(most, ++running);
      await sleep(5 + (Number(f.slice(1)) % 3) * 5);
      running--;
      if (f === 'f3' || f === 'f11') throw Object.assign(new Error(`${f} broke`), { code: 'HTTP' });
      return f.toUpperCase();
    }, { concurrency: 4, onProgress: (done) => progress.push(done) });
    assert.deepEqual(outcomes.map((o) => o.file), files);
    assert.equal(most, 4);
    assert.deepEqual(progress, Array.from({ length: 20 }, (_, i) => i + 1));
    assert.deepEqual(countOutcomes(outcomes), { ok: 18, failed: 2, cancelled: 0 });
    const failed = outcomes[3];
    assert.ok(failed.status === 'failed' && failed.error === 'f3 broke' && (failed.thrown as { code: string }).code === 'HTTP');
    assert.ok(outcomes[0].status === 'ok' && outcomes[0].output === 'F0');
  });

  it('after a cancel keeps what finished; the rest are cancelled', async () => {
    const controller = new AbortController();
    const files = Array.from({ length: 30 }, (_, i) => i);
    const outcomes = await runFileBatch(runBatch, files, async (i, signal) => {
      if (i === 5) controller.abort();
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, 10);
        signal?.addEventListener('abort', () => (clearTimeout(t), reject(new Error('aborted'))));
      });
      return i;
    }, { concurrency: 3, signal: controller.signal });
    assert.equal(outcomes.length, 30);
    const { ok, failed, cancelled } = countOutcomes(outcomes);
    assert.equal(failed, 0, 'aborted files count as cancelled, not failed');
    assert.ok(ok >= 0 && cancelled >= 24 && ok + cancelled === 30, JSON.stringify({ ok, cancelled }));
    assert.ok(outcomes.slice(6).every((o) => o.status === 'cancelled'));
  });

  it('turns anything thrown into a message', () => {
    assert.equal(errorText(new Error('x')), 'x');
    assert.equal(errorText({ message: 'y' }), 'y');
    assert.equal(errorText('z'), 'z');
    assert.equal(errorText(new Error('')), 'Unknown error');
  });
});
