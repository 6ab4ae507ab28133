// Real networks: requests through a loopback proxy (and around it with NO_PROXY),
// HTTPS with a self-signed certificate rejected by default and accepted once its CA
// is configured (setting or NODE_EXTRA_CA_CERTS), proxy failures as clear errors.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { Agent, type Dispatcher } from 'undici';
import { ComponentError, createDispatcher, execute } from '../../src/executor';
import { makeSelfSignedCertificate, type TestCertificate } from '../support/certs';
import { HfTestServer } from '../support/hfServer';
import { TestProxy } from '../support/proxyServer';

const run = promisify(execFile);
const MODEL = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';
const TOKEN = 'hf_networktest_abcdefghij';

describe('executor on real networks (proxy, certificates)', function () {
  this.timeout(20_000);
  let cert: TestCertificate;
  let http: HfTestServer;
  let https: HfTestServer;
  let proxy: TestProxy;
  const dispatchers: Dispatcher[] = [];
  const make = (s: Parameters<typeof createDispatcher>[0]) => {
    const d = createDispatcher({ env: {}, ...s });
    dispatchers.push(d);
    return d;
  };
  const classify = (base_url: string, dispatcher: Dispatcher) =>
    execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { api_key: TOKEN, base_url }, input: { model: MODEL, inputs: 'I love it' } }, { dispatcher, timeoutMs: 5000 }) as Promise<{ results: { label: string }[] }>;

  before(async () => {
    cert = makeSelfSignedCertificate();
    http = await HfTestServer.start();
    https = await HfTestServer.start({ tls: { key: cert.key, cert: cert.cert } });
    proxy = await TestProxy.start();
  });
  after(async () => {
    await Promise.all(dispatchers.map((d) => d.close()));
    await Promise.all([http.close(), https.close(), proxy.close()]);
  });
  beforeEach(() => {
    proxy.seen.length = 0;
    proxy.refuseWith = undefined;
    http.reset();
    https.reset();
  });

  it('sends requests through the configured proxy', async () => {
    const out = await classify(http.url, make({ proxy: proxy.url }));
    assert.equal(out.results[0].label, 'POSITIVE');
    // undici tunnels plain HTTP through the proxy too (CONNECT), like HTTPS.
    assert.deepEqual(proxy.seen.map((s) => s.target.replace(/^http:\/\//, '').replace(/\/.*$/, '')), [new URL(http.url).host]);
    assert.equal(http.requests[0].headers.authorization, `Bearer ${TOKEN}`);
  });

  it('takes the proxy from HTTPS_PROXY / HTTP_PROXY when no setting is given', async () => {
    await classify(http.url, make({ env: { HTTP_PROXY: proxy.url } }));
    assert.equal(proxy.seen.length, 1);
  });

  it('bypasses the proxy for NO_PROXY and http.noProxy hosts', async () => {
    await classify(http.url, make({ proxy: proxy.url, noProxy: ['127.0.0.1'] }));
    await classify(http.url, make({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } }));
    assert.equal(proxy.seen.length, 0);
    assert.equal(http.requests.length, 2);
  });

  it('tunnels HTTPS through the proxy with CONNECT (the token travels inside TLS only)', async () => {
    const out = await classify(https.url, make({ proxy: proxy.url, caCertificates: [cert.cert] }));
    assert.equal(out.results[0].label, 'POSITIVE');
    assert.deepEqual(proxy.seen.map((s) => s.method), ['CONNECT']);
    assert.equal(proxy.seen[0].headers.authorization, undefined);
    assert.equal(https.requests[0].headers.authorization, `Bearer ${TOKEN}`);
  });

  it('rejects a self-signed certificate by default, naming the problem', async () => {
    await assert.rejects(classify(https.url, make({})), (e: unknown) => e instanceof ComponentError && e.code === 'NETWORK' && /certificate/.test(e.message) && e.message.includes(https.url));
    assert.equal(https.requests.length, 0, 'nothing reached the server');
  });

  it('accepts it once its CA is configured', async () => {
    const out = await classify(https.url, make({ caCertificates: [cert.cert] }));
    assert.equal(out.results[0].label, 'POSITIVE');
  });

  it('accepts it with NODE_EXTRA_CA_CERTS, with or without other CAs', async () => {
    const executor = join(__dirname, '..', '..', 'src', 'executor', 'index.js');
    const script = `
      const e = require(${JSON.stringify(executor)});
      const extra = process.argv[2] === 'with-other-ca' ? { caCertificates: [require('node:tls').rootCertificates[0]] } : {};
      e.execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { base_url: ${JSON.stringify(https.url)} }, input: { model: ${JSON.stringify(MODEL)}, inputs: 'I love it' } }, { dispatcher: e.createDispatcher(extra) })
        .then((o) => { console.log(o.results[0].label); process.exit(0); }, (err) => { console.log(err.code, err.message); process.exit(0); });`;
    for (const mode of ['plain', 'with-other-ca']) {
      // Asynchronously: the server answering it lives in this process.
      const { stdout } = await run(process.execPath, ['-e', script, mode], { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: cert.certFile } });
      assert.equal(stdout.trim(), 'POSITIVE', mode);
    }
  });

  it('verification is off only when strict SSL is explicitly turned off', async () => {
    const out = await classify(https.url, make({ strictSSL: false }));
    assert.equal(out.results[0].label, 'POSITIVE');
    await assert.rejects(classify(https.url, make({ strictSSL: true })), { code: 'NETWORK' });
  });

  it('a proxy that refuses or is down is a clear NETWORK error', async () => {
    proxy.refuseWith = 407;
    await assert.rejects(classify(https.url, make({ proxy: proxy.url, caCertificates: [cert.cert] })), (e: unknown) => e instanceof ComponentError && e.code === 'NETWORK' && e.message.includes(https.url));
    const dead = await TestProxy.start();
    const deadUrl = dead.url;
    await dead.close();
    await assert.rejects(classify(http.url, make({ proxy: deadUrl })), { code: 'NETWORK' });
  });

  it('an unresolvable host is a NETWORK error that names it', async () => {
    // The lookup fails here, as a resolver would: no query leaves the machine.
    const lookup = (host: string, _o: unknown, cb: (e: Error) => void) => cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    const agent = new Agent({ connect: { lookup: lookup as never } });
    dispatchers.push(agent);
    await assert.rejects(classify('http://no-such-host.invalid', agent), (e: unknown) => e instanceof ComponentError && e.code === 'NETWORK' && /no-such-host\.invalid/.test(e.message) && /could not be resolved/.test(e.message));
  });
});
