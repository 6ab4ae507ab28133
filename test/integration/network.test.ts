// Real networks from inside VS Code: the user's http.proxy carries every request (and
// http.noProxy bypasses it), a self-signed HTTPS server is refused until its CA is
// configured in huggingface.caCertificateFile, an unreadable CA file is a clear error,
// and only an explicit http.proxyStrictSSL: false turns verification off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HuggingFaceTasksApi } from '../../src/extension/api';
import { makeSelfSignedCertificate, type TestCertificate } from '../support/certs';
import { HfTestServer } from '../support/hfServer';
import { makePng } from '../support/media';
import { TestProxy } from '../support/proxyServer';
import { configure, EXTENSION_ID, inferenceRequests, startHf, stopHf, TOKEN, until, userSetting, workspaceFolder, writeFile } from './hostHelpers';

const MODEL = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';

/**
 * Writes the workspace's .vscode/settings.json as a cloned repository would (with a
 * harmless marker, to know VS Code has read it); returns a function that removes it.
 */
async function workspaceSettings(values: Record<string, unknown>): Promise<() => Promise<void>> {
  const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'settings.json');
  const marker = () => vscode.workspace.getConfiguration('huggingface').inspect('maxInputCharacters')?.workspaceValue;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify({ ...values, 'huggingface.maxInputCharacters': 1234 })));
  await until('the workspace settings to be read', () => marker() === 1234);
  return async () => {
    await vscode.workspace.fs.delete(file);
    await until('the workspace settings to be gone', () => marker() === undefined);
  };
}

describe('proxies and certificates', function () {
  this.timeout(30_000);
  let server: HfTestServer;
  let api: HuggingFaceTasksApi;
  const undo: (() => Promise<void>)[] = [];
  const classify = () => api.execute('TASK_TEXT_CLASSIFICATION', { model: MODEL, inputs: 'I love it' });

  before(async () => {
    server = await startHf();
    api = vscode.extensions.getExtension<HuggingFaceTasksApi>(EXTENSION_ID)!.exports;
  });
  after(() => stopHf(server));
  beforeEach(() => server.reset());
  afterEach(async () => {
    while (undo.length) await undo.pop()!();
  });

  describe('through a proxy', () => {
    let proxy: TestProxy;
    before(async () => {
      proxy = await TestProxy.start();
    });
    after(() => proxy.close());
    beforeEach(() => (proxy.seen.length = 0));

    it('sends every request through http.proxy from the user settings, commands and API alike', async () => {
      undo.push(await userSetting('http', 'proxy', proxy.url));
      const folder = await workspaceFolder('proxied');
      const image = await writeFile(folder, 'p.png', makePng(4, 4));
      await vscode.commands.executeCommand('huggingface.classifyImage', image, { model: 'google/vit-base-patch16-224' });
      const out = await classify();
      assert.equal(out.results[0].label, 'POSITIVE');
      const host = new URL(server.url).host;
      assert.ok(proxy.seen.length >= 1 && proxy.seen.every((s) => s.method === 'CONNECT' && s.target === host), JSON.stringify(proxy.seen.map((s) => s.target)));
      assert.equal(inferenceRequests(server).length, 2);
      // Every connection the server saw was one of the proxy's tunnels.
      assert.equal(server.connectionsSeen(), proxy.seen.length);
      assert.equal(proxy.seen[0].headers.authorization, undefined, 'the token is not shown to the proxy');
      assert.equal(inferenceRequests(server)[1].headers.authorization, `Bearer ${TOKEN}`);
    });

    it('bypasses it for hosts in http.noProxy', async () => {
      undo.push(await userSetting('http', 'proxy', proxy.url));
      undo.push(await userSetting('http', 'noProxy', ['127.0.0.1']));
      await classify();
      assert.equal(proxy.seen.length, 0);
      assert.equal(inferenceRequests(server).length, 1);
    });

    it('ignores a proxy set in the workspace\'s settings (a cloned repository cannot reroute requests)', async () => {
      undo.push(await workspaceSettings({ 'http.proxy': proxy.url, 'http.proxySupport': 'override' }));
      assert.equal((await classify()).results[0].label, 'POSITIVE');
      assert.equal(proxy.seen.length, 0);
    });

    it('a proxy that refuses is a NETWORK error naming the server', async () => {
      undo.push(await userSetting('http', 'proxy', proxy.url));
      proxy.refuseWith = 407;
      try {
        await assert.rejects(classify(), (e: { code: string; message: string }) => e.code === 'NETWORK' && e.message.includes(server.url));
      } finally {
        proxy.refuseWith = undefined;
      }
    });
  });

  describe('HTTPS with a self-signed certificate', () => {
    let cert: TestCertificate;
    let https: HfTestServer;
    before(async () => {
      cert = makeSelfSignedCertificate();
      https = await HfTestServer.start({ token: TOKEN, tls: { key: cert.key, cert: cert.cert } });
      await configure({ baseUrl: https.url });
    });
    after(async () => {
      await configure({ baseUrl: server.url });
      await https.close();
    });
    beforeEach(() => https.reset());

    it('is refused by default, with a message that says how to fix it', async () => {
      await assert.rejects(classify(), (e: { code: string; message: string }) => e.code === 'NETWORK' && /certificate is self-signed/.test(e.message) && e.message.includes(https.url));
      assert.equal(https.requests.length, 0, 'nothing reached the server');
    });

    it('is accepted once its CA is in huggingface.caCertificateFile', async () => {
      undo.push(await userSetting('huggingface', 'caCertificateFile', cert.certFile));
      const out = await classify();
      assert.equal(out.results[0].label, 'POSITIVE');
      assert.equal(https.requests[0].headers.authorization, `Bearer ${TOKEN}`);
    });

    it('says clearly when the CA file cannot be read, and recovers when it is fixed', async () => {
      undo.push(await userSetting('huggingface', 'caCertificateFile', '/no/such/ca.pem'));
      await assert.rejects(classify(), (e: { code: string; message: string }) => e.code === 'NETWORK' && e.message.includes('huggingface.caCertificateFile') && e.message.includes('/no/such/ca.pem') && /no such file/.test(e.message));
      await userSetting('huggingface', 'caCertificateFile', cert.certFile);
      assert.equal((await classify()).results[0].label, 'POSITIVE');
    });

    it('skips verification only when http.proxyStrictSSL is explicitly false', async () => {
      undo.push(await userSetting('http', 'proxyStrictSSL', false));
      assert.equal((await classify()).results[0].label, 'POSITIVE');
      await userSetting('http', 'proxyStrictSSL', true);
      await assert.rejects(classify(), { code: 'NETWORK' });
    });

    it('ignores verification and CA settings from the workspace\'s settings', async () => {
      undo.push(await workspaceSettings({ 'http.proxyStrictSSL': false, 'huggingface.caCertificateFile': cert.certFile }));
      await assert.rejects(classify(), (e: { code: string; message: string }) => e.code === 'NETWORK' && /certificate/.test(e.message));
      assert.equal(https.requests.length, 0);
    });

    it('declares the CA file setting application-scoped and restricted in untrusted workspaces', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } }; contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
      assert.equal(manifest.contributes.configuration.properties['huggingface.caCertificateFile'].scope, 'application');
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('huggingface.caCertificateFile'));
    });
  });
});
