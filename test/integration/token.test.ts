// The token: checked with the Hub's whoami-v2 before it is stored, stored only in
// SecretStorage (observed through what the runs send), removed by Sign Out; asked for
// when a run goes to Hugging Face without one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HfTestServer } from '../support/hfServer';
import { closeEditors, configure, EXTENSION_ID, inferenceRequests, openText, TOKEN, useNotificationSpy } from './hostHelpers';

describe('token', function () {
  this.timeout(30_000);
  let server: HfTestServer;

  before(async () => {
    server = await HfTestServer.start({ token: TOKEN });
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await configure({ baseUrl: server.url, hubUrl: server.url, isCustomEndpoint: false });
  });
  after(async () => {
    await vscode.commands.executeCommand('huggingface.setToken', TOKEN);
    await closeEditors();
    await server.close();
  });
  beforeEach(() => server.reset());
  afterEach(closeEditors);

  /** Runs a summary and returns the Authorization header the server received. */
  async function authorizationSent(): Promise<string | undefined> {
    server.reset();
    await openText('One sentence. Two.', 'One sentence. Two.');
    await vscode.commands.executeCommand('huggingface.summarize', { model: 'facebook/bart-large-cnn' });
    const [request] = inferenceRequests(server);
    assert.ok(request, 'the run reached the server');
    return request.headers.authorization;
  }

  it('Set API Token checks the token with whoami-v2 on the Hub URL, then stores it', async () => {
    assert.equal(await vscode.commands.executeCommand('huggingface.setToken', { token: TOKEN }), 'test-user');
    const [check] = server.requests;
    assert.equal(check.path, '/api/whoami-v2');
    assert.equal(check.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(await authorizationSent(), `Bearer ${TOKEN}`);
  });

  it('a token the Hub rejects (401) is not stored', async () => {
    assert.equal(await vscode.commands.executeCommand('huggingface.setToken', 'hf_rejectedtoken_abcdefgh'), undefined);
    assert.equal(await authorizationSent(), `Bearer ${TOKEN}`, 'the previous token is still the one sent');
  });

  it('Sign Out removes it: runs send no token any more', async () => {
    assert.equal(await vscode.commands.executeCommand('huggingface.signOut'), true);
    // A loopback server is not Hugging Face's, so the run goes ahead without a token (and gets a 401).
    assert.equal(await authorizationSent(), undefined);
    assert.equal(await vscode.commands.executeCommand('huggingface.signOut'), false, 'nothing left to remove');
  });

  describe('with no token, on Hugging Face\'s endpoint', () => {
    const spy = useNotificationSpy();

    it('a run asks for a token (offering HF_TOKEN when it is set) and, declined, tries nothing', async () => {
      await vscode.commands.executeCommand('huggingface.signOut');
      // Hugging Face's router: never reached, as the prompt is declined (the spy dismisses it).
      await configure({ baseUrl: 'https://router.huggingface.co/hf-inference' });
      try {
        await openText('One sentence. Two.', 'One sentence. Two.');
        assert.equal(await vscode.commands.executeCommand('huggingface.summarize', { model: 'facebook/bart-large-cnn' }), undefined);
        process.env.HF_TOKEN = 'env-token-for-the-prompt';
        assert.equal(await vscode.commands.executeCommand('huggingface.summarize', { model: 'facebook/bart-large-cnn' }), undefined);
      } finally {
        delete process.env.HF_TOKEN;
        await configure({ baseUrl: server.url });
      }
      assert.deepEqual(spy.shown.filter((s) => s.startsWith('information: Hugging Face needs')), [
        'information: Hugging Face needs an access token to run models.',
        "information: Hugging Face needs an access token to run models. HF_TOKEN is set in your environment: use it? It will be checked with the Hub and kept in VS Code's secret storage.",
      ]);
      assert.deepEqual(spy.shown.filter((s) => s.startsWith('error: ')), [], 'no run was tried');
      assert.deepEqual(server.requests, [], 'no token check either');
    });
  });
});
