// Proves the harness itself: our extension runs in a real VS Code extension host, the
// user settings written by run.mjs are visible, and loopback servers are reachable.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';

const EXTENSION_ID = 'hf-tasks.huggingface-vscode-tasks';

describe('harness smoke', () => {
  it('runs in a real VS Code host', () => {
    console.log(`vscode ${vscode.version}, remoteName=${vscode.env.remoteName ?? '(none)'}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, node ${process.version}`);
    assert.match(vscode.version, /^1\./);
  });

  it('finds and activates our extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('sees the user settings written by the runner', () => {
    assert.equal(vscode.workspace.getConfiguration().get('hfTasks.testHarnessProbe'), 'ok');
  });

  it('reaches a loopback HTTP server started in the host', async () => {
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/ping`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { path: '/ping' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
