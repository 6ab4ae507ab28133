// Activation is quick and does nothing on the network: no request, and the executor
// is not even loaded until a command runs. Three times are measured: our own
// `activate()`, the whole activation as VS Code performs it (finding and loading the
// bundle, building the extension context, then our activate), and the time until a
// first command has run. (This file sorts first, so the
// extension is still inactive when it runs; if something activated it earlier, the
// measurement is skipped.) The time is also written to test-results/startup.json for
// the benchmark's start-up table.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HfTestServer } from '../support/hfServer';
import { configure, EXTENSION_ID } from './hostHelpers';

describe('activation', () => {
  it('is quick, sends no request and does not load the executor', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    if (extension.isActive) this.skip();
    const server = await HfTestServer.start();
    try {
      await configure({ baseUrl: server.url, hubUrl: server.url });
      const started = performance.now();
      await extension.activate();
      const activationTotalMs = performance.now() - started;
      // The first command ready: one that does real work without UI (cancels nothing).
      assert.equal(await vscode.commands.executeCommand('huggingface.cancelRun'), 0);
      const firstCommandMs = performance.now() - started;
      const activationMs = await vscode.commands.executeCommand<number>('huggingface._test.activationMs');
      console.log(`activate(): ${activationMs.toFixed(2)} ms of our own, ${activationTotalMs.toFixed(2)} ms in all; first command ready after ${firstCommandMs.toFixed(2)} ms`);
      assert.ok(activationMs > 0 && activationMs < activationTotalMs);
      assert.ok(activationTotalMs < 200, `activation took ${activationTotalMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(server.requests.length, 0, 'no request at activation');
      const executor = join(extension.extensionPath, 'dist', 'executor.js');
      assert.ok(!Object.keys(require.cache).includes(executor), 'dist/executor.js is not loaded at activation');

      const file = join(extension.extensionPath, 'test-results', 'startup.json');
      const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
      mkdirSync(join(extension.extensionPath, 'test-results'), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...previous, activationMs, activationTotalMs, firstCommandMs }, null, 2));
    } finally {
      await server.close();
    }
  });
});
