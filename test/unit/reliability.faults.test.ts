// Faults survived and load held, at the executor: every run ends in a result or a
// clear error within its timeout; memory stays bounded; retries stay within bounds;
// nothing is left behind (sockets, timers) once the dispatcher is closed.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComponentError, createDispatcher, execute, stream, type Request } from '../../src/executor';
import { HfTestServer } from '../support/hfServer';

const MODEL = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('reliability: faults and load', function () {
  this.timeout(60_000);

  it('a 1 GB response is refused at the size limit, with bounded memory', async () => {
    let sent = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      const piece = Buffer.alloc(1 << 20, 0x20);
      // Written on demand, never held: a body that would be 1 GB.
      const pump = () => {
        while (sent < 1024 && res.write(piece)) sent++;
        if (sent >= 1024) res.end();
      };
      res.on('drain', pump);
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    gc();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await assert.rejects(
        execute({ task: 'TASK_SUMMARIZATION', setup: { base_url: url, is_custom_endpoint: true }, input: { model: 'm', inputs: 'x' } }),
        (e: unknown) => e instanceof ComponentError && e.code === 'INVALID_RESPONSE' && /larger than 64 MB/.test(e.message),
      );
      assert.ok(sent < 1024, `the server was stopped early (${sent} MB written)`);
      assert.ok(peak - before < 200 * 2 ** 20, `memory grew ${Math.round((peak - before) / 2 ** 20)} MB`);
    } finally {
      clearInterval(sampler);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('a 503/429 storm ends in a clear error within the wait budget, with a bounded number of retries', async () => {
    const server = await HfTestServer.start();
    try {
      server.script({ status: 503, json: { error: 'Model x is currently loading', estimated_time: 0.5 }, times: 1000 });
      const started = Date.now();
      await assert.rejects(
        execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { base_url: server.url }, input: { model: MODEL, inputs: 'x' } }, { maxWaitMs: 3000 }),
        (e: unknown) => e instanceof ComponentError && e.code === 'HTTP' && e.status === 503 && /Gave up/.test(e.message),
      );
      const took = Date.now() - started;
      assert.ok(took >= 2900 && took < 4500, `took ${took} ms`);
      assert.ok(server.requests.length <= 4, `${server.requests.length} requests: waits of 1 s at least, no tight loop`);
      server.reset();
      server.script({ status: 429, json: { error: 'Rate limit reached' }, headers: { 'retry-after': '1' }, times: 1000 });
      await assert.rejects(execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { base_url: server.url }, input: { model: MODEL, inputs: 'x' } }, { maxWaitMs: 2000 }), { code: 'HTTP', status: 429 });
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });

  it('slow headers, a never-ending body, resets and a killed stream: each ends clearly in time, nothing left behind', async () => {
    const server = await HfTestServer.start();
    const dispatcher = createDispatcher({ env: {} });
    const baseTimers = timers();
    let closed = false;
    const req: Request = { task: 'TASK_SUMMARIZATION', setup: { base_url: server.url }, input: { model: 'facebook/bart-large-cnn', inputs: 'x' } };
    const gen: Request = { task: 'TASK_TEXT_GENERATION', setup: { base_url: server.url }, input: { model: 'shape/text-generation/default', inputs: 'x' } };
    const drain = async (it: AsyncIterable<unknown>) => {
      for await (const _ of it) void _;
    };
    const cases: [string, () => void, () => Promise<unknown>, string][] = [
      ['slow headers', () => server.script({ delayMs: 3000, json: [{ summary_text: 'late' }] }), () => execute(req, { timeoutMs: 200, dispatcher }), 'TIMEOUT'],
      ['a body that never ends', () => server.script({ stallAfterHeaders: true, headers: { 'content-type': 'application/json' }, body: '[{"summary_text":"' }), () => execute(req, { timeoutMs: 200, dispatcher }), 'TIMEOUT'],
      ['reset before headers', () => server.script({ destroy: 'before-headers' }), () => execute(req, { dispatcher }), 'NETWORK'],
      ['reset mid-body', () => server.script({ destroy: 'mid-body', headers: { 'content-type': 'application/json' }, body: '[{"su' }), () => execute(req, { dispatcher }), 'NETWORK'],
      ['killed mid-stream', () => server.script({ sse: ['data: {"token":{"text":"a","special":false}}\n\n'], sseThenDestroy: true }), () => drain(stream(gen, { dispatcher })), 'NETWORK'],
      ['silent stream', () => server.script({ stallAfterHeaders: true, headers: { 'content-type': 'text/event-stream' }, body: 'data: {"token":{"text":"a","special":false}}\n\n' }), () => drain(stream(gen, { timeoutMs: 200, dispatcher })), 'TIMEOUT'],
    ];
    try {
      for (const [name, arrange, act, code] of cases) {
        arrange();
        const started = Date.now();
        await assert.rejects(act(), (e: unknown) => e instanceof ComponentError && e.code === code, name);
        assert.ok(Date.now() - started < 2000, `${name} took ${Date.now() - started} ms`);
      }
      // Everything closes: the dispatcher (no request still in flight) and every timer the
      // executor armed (the server's own delay timers go with it).
      await dispatcher.close();
      await server.close();
      closed = true;
      assert.equal(timers(), baseTimers, 'no timers left behind');
    } finally {
      if (!closed) await server.close();
    }
  });

  it('200 runs at once against jittered latency and 5% injected failures: every run ends, retries bounded, memory back to baseline', async () => {
    const server = await HfTestServer.start({ latencyMs: 5, jitterMs: 40, failureRate: 0.05, seed: 42 });
    const dispatcher = createDispatcher({ env: {} });
    try {
      gc();
      const baseline = process.memoryUsage().heapUsed;
      const runs = Array.from({ length: 200 }, (_, i) =>
        execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { base_url: server.url }, input: { model: MODEL, inputs: i % 2 ? 'I love it' : 'dull' } }, { dispatcher, maxWaitMs: 10_000, timeoutMs: 10_000 }),
      );
      const settled = await Promise.allSettled(runs);
      const ok = settled.filter((s) => s.status === 'fulfilled').length;
      const errors = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason);
      assert.equal(ok + errors.length, 200, 'every run ended');
      assert.ok(errors.every((e) => e instanceof ComponentError), 'errors are ComponentErrors');
      assert.equal(ok, 200, `all succeeded after retrying (${errors.map((e) => (e as Error).message).join('; ')})`);
      assert.ok(server.injectedFailures > 0, 'failures were injected');
      assert.equal(server.requests.length, 200 + server.injectedFailures, 'exactly one retry per injected failure');
      const labels = settled.map((s) => (s as PromiseFulfilledResult<{ results: { label: string }[] }>).value.results[0].label);
      assert.equal(labels.filter((l) => l === 'POSITIVE').length, 100);
      await dispatcher.close();
      gc();
      const after = process.memoryUsage().heapUsed;
      assert.ok(after - baseline < 20 * 2 ** 20, `heap grew ${Math.round((after - baseline) / 2 ** 20)} MB`);
    } finally {
      await server.close();
    }
  });
});
