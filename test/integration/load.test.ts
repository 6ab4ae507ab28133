// Load held inside the real VS Code: 200 runs started at once, through the exported
// API and the commands, against a server with jittered latency and 5% injected
// failures. Every run ends; the transient failures are retried, once each.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HfTestServer } from '../support/hfServer';
import type { HuggingFaceTasksApi } from '../../src/extension/api';
import { closeEditors, configure, EXTENSION_ID, openText, TOKEN } from './hostHelpers';

const MODEL = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';

describe('load', function () {
  this.timeout(120_000);
  let server: HfTestServer;

  before(async () => {
    server = await HfTestServer.start({ token: TOKEN, latencyMs: 5, jitterMs: 40, failureRate: 0.05, seed: 7 });
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await configure({ baseUrl: server.url, hubUrl: server.url, isCustomEndpoint: false, maxWaitSeconds: 30, requestTimeoutSeconds: 30 });
    assert.equal(await vscode.commands.executeCommand('huggingface.setToken', TOKEN), 'test-user');
    server.reset();
  });
  after(async () => {
    await closeEditors();
    await server.close();
  });

  it('200 runs at once (190 through the API, 10 commands): every one ends, retries stay within bounds', async () => {
    const api = vscode.extensions.getExtension<HuggingFaceTasksApi>(EXTENSION_ID)!.exports;
    await openText('What a great day. Really.', 'What a great day.');
    const viaApi = Array.from({ length: 190 }, (_, i) => api.execute('TASK_TEXT_CLASSIFICATION', { model: MODEL, inputs: i % 2 ? 'I love it' : 'so dull' }));
    const viaCommands = Array.from({ length: 10 }, () => vscode.commands.executeCommand<{ results: { label: string }[] } | undefined>('huggingface.classifyText', { model: MODEL }));
    const settled = await Promise.allSettled([...viaApi, ...viaCommands]);
    const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    assert.deepEqual(failures.map((f) => String((f.reason as Error)?.message)), [], 'every run succeeded after its retries');
    const labels = settled.map((s) => (s as PromiseFulfilledResult<{ results: { label: string }[] } | undefined>).value?.results[0].label);
    assert.equal(labels.filter((l) => l === undefined).length, 0, 'every command returned its result');
    assert.equal(labels.slice(0, 190).filter((l) => l === 'POSITIVE').length, 95);
    assert.deepEqual(new Set(labels.slice(190)), new Set(['POSITIVE']));
    const inference = server.requests.filter((r) => r.method === 'POST').length;
    assert.ok(server.injectedFailures > 0, 'failures were injected');
    assert.equal(inference, 200 + server.injectedFailures, 'exactly one retry per injected failure');
  });
});
