// Load held inside the real VS Code: 200 runs started at once, through the exported
// API and the commands, and a 1,000-file folder batch, against a server with jittered
// latency and 5% injected failures. Every run ends; the transient failures are
// retried, once each; memory returns to its baseline.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { HfTestServer } from '../support/hfServer';
import type { HuggingFaceTasksApi } from '../../src/extension/api';
import { parseCsv } from '../support/csv';
import { makePng } from '../support/media';
import { closeEditors, configure, EXTENSION_ID, openText, readText, TOKEN, workspaceFolder } from './hostHelpers';

/** A full garbage collection (the extension host runs without --expose-gc; V8 can still be asked). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const heapMb = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

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

  it('a 1,000-file folder batch: every file ends in the report, each injected failure retried once, memory back to baseline', async function () {
    this.timeout(300_000);
    const folder = await workspaceFolder('thousand');
    for (let i = 0; i < 1000; i++) writeFileSync(join(folder.fsPath, `img-${String(i).padStart(4, '0')}.png`), makePng(4 + (i % 7), 4, [i % 256, 90, 200]));
    const report = vscode.Uri.joinPath(folder, '..', 'thousand.classify-images.csv');
    try {
      server.reset();
      const injectedBefore = server.injectedFailures;
      const baseline = heapMb();
      const summary = await vscode.commands.executeCommand<{ total: number; succeeded: number; failed: number; cancelled: number }>('huggingface.classifyImagesInFolder', folder, [folder], { model: 'google/vit-base-patch16-224' });
      assert.deepEqual(summary && { total: summary.total, succeeded: summary.succeeded, failed: summary.failed, cancelled: summary.cancelled }, { total: 1000, succeeded: 1000, failed: 0, cancelled: 0 });
      const injected = server.injectedFailures - injectedBefore;
      assert.ok(injected > 20, `failures were injected (${injected})`);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1000 + injected, 'exactly one retry per injected failure');
      const [header, ...rows] = parseCsv(await readText(report));
      assert.deepEqual(header, ['file', 'label', 'score', 'error']);
      assert.equal(new Set(rows.map((r) => r[0])).size, 1000);
      assert.ok(rows.every((r) => r[1] === 'cheetah' && r[3] === ''), 'every row has its label and no error');
      await closeEditors();
      server.reset(); // the server's record of 1,000 request bodies is not the extension's memory
      const growth = heapMb() - baseline;
      assert.ok(growth < 30, `the heap grew by ${growth.toFixed(1)} MB`);
      // The figures the README's "Reliability and security" table quotes.
      console.log(`      1,000-file batch: ${injected} failures injected, ${injected} retries, heap ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB after it`);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(report).then(undefined, () => undefined);
    }
  });
});
