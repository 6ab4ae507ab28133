// The extension's Hub client over the executor's dispatcher, against the loopback HF
// server: the token check, the model search with its "served" marks, the request log,
// and that a token never follows a redirect.
import * as assert from 'node:assert/strict';
import { createDispatcher } from '../../src/executor';
import { getJson, HttpError } from '../../src/extension/httpGet';
import { hubEndpoint, searchModels, whoami } from '../../src/extension/hub';
import { observeRequests, type RequestRecord } from '../../src/extension/requestLog';
import { HfTestServer } from '../support/hfServer';

const TOKEN = 'hf_hubtesttoken_abcdefghijkl';

describe('Hub client over the shared dispatcher', function () {
  this.timeout(20_000);
  let server: HfTestServer;
  const records: RequestRecord[] = [];
  const dispatcher = createDispatcher().compose(observeRequests((r) => records.push(r)));

  before(async () => {
    server = await HfTestServer.start({ token: TOKEN });
  });
  after(async () => {
    await dispatcher.close();
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    records.length = 0;
  });

  it('checks a token with whoami-v2 and reports who it belongs to', async () => {
    const user = await whoami(server.url, TOKEN, { dispatcher });
    assert.deepEqual(user, { name: 'test-user', fullname: 'Test User', tokenName: 'tests', tokenRole: 'fineGrained' });
    assert.equal(server.requests[0].headers.authorization, `Bearer ${TOKEN}`);
  });

  it('rejects a bad token with a plain 401 that does not quote it', async () => {
    const bad = 'hf_wrongtoken_zyxwvutsrq';
    const e = await whoami(server.url, bad, { dispatcher }).then(() => assert.fail('resolved'), (err: unknown) => err);
    assert.ok(e instanceof HttpError);
    assert.equal(e.status, 401);
    assert.match(e.message, /invalid, expired or revoked/);
    assert.ok(!e.message.includes(bad));
  });

  it('logs each exchange (method, URL, status, duration) and never a header', async () => {
    await whoami(server.url, TOKEN, { dispatcher });
    assert.equal(records.length, 1);
    const [r] = records;
    assert.equal(r.method, 'GET');
    assert.equal(r.url, `${server.url}/api/whoami-v2`);
    assert.equal(r.status, 200);
    assert.ok(r.durationMs >= 0);
    assert.ok(!JSON.stringify(r).includes(TOKEN));
  });

  it('searches models by pipeline tag, most downloaded first, marking those hf-inference serves', async () => {
    const hits = await searchModels(server.url, { pipelineTag: 'summarization', servedBy: 'hf-inference' }, { dispatcher });
    assert.deepEqual(hits.map((h) => h.id), ['facebook/bart-large-cnn', 'sshleifer/distilbart-cnn-12-6', 'google/pegasus-xsum']);
    assert.deepEqual(hits.map((h) => h.served), [true, true, false]);
    assert.equal(hits[0].downloads, 3_400_000);
    const searched = await searchModels(server.url, { pipelineTag: 'summarization', search: 'pegasus' }, { dispatcher });
    assert.deepEqual(searched.map((h) => [h.id, h.served]), [['google/pegasus-xsum', undefined]]);
    assert.match(server.requests.at(-1)?.path ?? '', /pipeline_tag=summarization&search=pegasus&sort=downloads/);
  });

  it('keeps a path prefix of the Hub URL (mirrors, proxies)', () => {
    assert.equal(hubEndpoint('https://example.com/hub', 'api/models').toString(), 'https://example.com/hub/api/models');
    assert.equal(hubEndpoint('https://huggingface.co/', 'api/whoami-v2').toString(), 'https://huggingface.co/api/whoami-v2');
  });

  it('does not follow a redirect, so the token stays with the origin it was meant for', async () => {
    const other = await HfTestServer.start();
    try {
      server.script({ status: 302, headers: { location: `${other.url}/api/whoami-v2` } });
      const { status } = await getJson(`${server.url}/api/whoami-v2`, { token: TOKEN, dispatcher });
      assert.equal(status, 302);
      assert.equal(other.requests.length, 0);
    } finally {
      await other.close();
    }
  });

  it('stops at once when cancelled, and says which server could not be reached', async () => {
    server.script({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const cancelled = await getJson(`${server.url}/api/models`, { signal: controller.signal, dispatcher }).catch((e: unknown) => e);
    assert.ok(cancelled instanceof HttpError && cancelled.kind === 'cancelled');
    const unreachable = await getJson('http://127.0.0.1:1/api/models', { dispatcher }).catch((e: unknown) => e);
    assert.ok(unreachable instanceof HttpError && unreachable.kind === 'network');
    assert.match(unreachable.message, /Could not reach http:\/\/127\.0\.0\.1:1/);
  });
});
