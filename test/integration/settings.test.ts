// The manifest and settings: everything that decides where the token goes is
// application-scoped and restricted in untrusted workspaces, every task has a
// command, and settings changes apply at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TASKS } from '../../src/executor';
import { TASK_COMMANDS } from '../../src/extension/taskCommands';
import type { HfTestServer } from '../support/hfServer';
import { closeEditors, configure, EXTENSION_ID, inferenceRequests, openText, startHf, stopHf } from './hostHelpers';

const TOKEN_ROUTING = ['huggingface.baseUrl', 'huggingface.isCustomEndpoint', 'huggingface.hubUrl'];

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; category: string }[];
    configuration: { properties: Record<string, { scope?: string; default?: unknown }> };
  };
}

describe('settings, trust and the manifest', function () {
  this.timeout(30_000);
  let server: HfTestServer;
  const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;

  before(async () => {
    server = await startHf();
  });
  after(() => stopHf(server));
  afterEach(closeEditors);

  it('gives every setting that decides where the token goes application scope, and restricts it in untrusted workspaces', () => {
    const { properties } = manifest().contributes.configuration;
    const { untrustedWorkspaces } = manifest().capabilities;
    assert.equal(untrustedWorkspaces.supported, 'limited');
    for (const key of TOKEN_ROUTING) {
      assert.equal(properties[key]?.scope, 'application', key);
      assert.ok(untrustedWorkspaces.restrictedConfigurations.includes(key), `${key} is restricted`);
    }
    assert.equal(properties['huggingface.baseUrl'].default, 'https://router.huggingface.co/hf-inference');
    assert.equal(properties['huggingface.hubUrl'].default, 'https://huggingface.co');
  });

  it('refuses workspace values for those settings, so a cloned repository cannot redirect the token', async () => {
    const config = vscode.workspace.getConfiguration('huggingface');
    for (const key of ['baseUrl', 'hubUrl']) {
      await assert.rejects(Promise.resolve(config.update(key, 'https://attacker.example', vscode.ConfigurationTarget.Workspace)));
      assert.equal(config.inspect(key)?.workspaceValue, undefined);
    }
  });

  it('activates only on its commands, and has a command, in the Hugging Face category, for each of the 17 tasks', async () => {
    const { activationEvents, contributes } = manifest();
    assert.ok(!activationEvents.includes('*'));
    assert.ok(contributes.commands.every((c) => c.category === 'Hugging Face'));
    assert.deepEqual([...new Set(TASK_COMMANDS.map((c) => c.task))].sort(), [...TASKS].sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of TASK_COMMANDS) {
      assert.ok(registered.has(command), `${command} is registered`);
      assert.ok(contributes.commands.some((c) => c.command === command), `${command} is contributed`);
    }
  });

  it('applies a settings change to the next run without a reload', async () => {
    await vscode.workspace.getConfiguration('huggingface').update('textResult', 'replace', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openText('Replaced by setting. Yes.', 'Replaced by setting. Yes.');
      await vscode.commands.executeCommand('huggingface.summarize', { model: 'facebook/bart-large-cnn' });
      assert.equal(editor.document.getText(), 'Replaced by setting.');
    } finally {
      await vscode.workspace.getConfiguration('huggingface').update('textResult', 'insertBelow', vscode.ConfigurationTarget.Global);
    }
  });

  it('sends runs to a custom endpoint itself, without asking for a model it would ignore', async () => {
    server.reset();
    await configure({ baseUrl: `${server.url}/endpoint/summarization`, isCustomEndpoint: true });
    try {
      const editor = await openText('Straight to the endpoint. Done.', 'Straight to the endpoint. Done.');
      await vscode.commands.executeCommand('huggingface.summarize', { placement: 'replace' });
      assert.equal(editor.document.getText(), 'Straight to the endpoint.');
      assert.equal(inferenceRequests(server)[0].path, '/endpoint/summarization');
    } finally {
      await configure({ baseUrl: server.url, isCustomEndpoint: false });
    }
  });

  it('Test Connection reports what works, and what does not', async () => {
    const good = await vscode.commands.executeCommand<{ ok: boolean; findings: string[]; problems: string[] }>('huggingface.testConnection');
    assert.equal(good?.ok, true, good?.problems.join(' '));
    assert.ok(good?.findings.some((f) => f.includes('signed in as test-user')));
    await configure({ baseUrl: 'http://127.0.0.1:1' });
    try {
      const bad = await vscode.commands.executeCommand<{ ok: boolean; problems: string[] }>('huggingface.testConnection');
      assert.equal(bad?.ok, false);
      assert.ok(bad?.problems.some((p) => p.includes('Could not reach http://127.0.0.1:1')), bad?.problems.join(' '));
    } finally {
      await configure({ baseUrl: server.url });
    }
  });
});
