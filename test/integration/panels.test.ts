// The task panels from the extension host's side: the command opens one panel per
// task (a second call reveals it), refuses unknown tasks, and other extensions open
// a panel filled with an input and its result through the API's showInPanel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelApi } from '../../src/extension/panels';
import { TASK_TABLE } from '../../src/executor/tasks';
import { makePng } from '../support/media';
import { closeEditors, EXTENSION_ID } from './hostHelpers';

const panelTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('huggingface.taskPanel'));

async function until(check: () => boolean, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('task panels (extension host)', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await closeEditors();
  });

  it('opens one panel per task, titled by the task; opening it again reveals the same panel', async () => {
    for (const task of TASK_TABLE) await vscode.commands.executeCommand('huggingface.openTaskPanel', task.id);
    await until(() => panelTabs().length === TASK_TABLE.length, '17 panels');
    assert.deepEqual(panelTabs().map((t) => t.label).sort(), TASK_TABLE.map((t) => t.title).sort());
    await vscode.commands.executeCommand('huggingface.openTaskPanel', 'TASK_SUMMARIZATION');
    await until(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Summarization', 'the Summarization panel in front');
    assert.equal(panelTabs().length, TASK_TABLE.length);
  });

  it('refuses a task id it does not know, and opens nothing', async () => {
    for (const arg of ['TASK_NOPE', 42, { task: 'TASK_SUMMARIZATION' }]) await vscode.commands.executeCommand('huggingface.openTaskPanel', arg);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(panelTabs().length, 0);
  });

  it('gives other extensions showInPanel: a panel filled with an input and its result, media as bytes', async () => {
    const api = vscode.extensions.getExtension<PanelApi>(EXTENSION_ID)!.exports;
    await api.showInPanel('TASK_SUMMARIZATION', { model: 'facebook/bart-large-cnn', inputs: 'A long text. More.' }, { summary_text: 'A long text.' }, { durationMs: 12 });
    await api.showInPanel('TASK_OBJECT_DETECTION', { model: 'facebook/detr-resnet-50', image: makePng(8, 8) }, { objects: [] }, { mediaName: 'cat.png' });
    await until(() => panelTabs().length === 2, 'two panels');
    assert.deepEqual(panelTabs().map((t) => t.label).sort(), ['Object Detection', 'Summarization']);
    await assert.rejects(api.showInPanel('TASK_NOPE' as never, { model: 'm' }), /Unknown task/);
  });
});
