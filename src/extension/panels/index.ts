// The task panels' wiring: the "Open Task Panel…" command, the serializer that
// restores panels after a reload, and `showInPanel` for other commands'
// "Show details".
import * as vscode from 'vscode';
import type { TaskId, TaskInput, TaskOutput } from '../../executor';
import { PANEL_VIEW_TYPE } from '../../shared/protocol';
import { loadExecutor } from '../lazyExecutor';
import { EditorBridge } from './editorBridge';
import { fromTaskInput } from './panelInput';
import { TaskPanelSerializer } from './panelSerializer';
import type { PanelServices } from './panelServices';
import { TaskPanel, type PanelDeps } from './taskPanel';
import { showError } from '../notify';

export type { PanelServices, RunOptions } from './panelServices';

export const OPEN_TASK_PANEL = 'huggingface.openTaskPanel';

/** What the panels add to the extension's API. */
export interface PanelApi {
  showInPanel: ShowInPanel;
}

export interface ShowInPanel {
  /** Opens the task's panel beside, focus unchanged, filled with `input` and, when given, its `output` (no request is made). */
  (task: TaskId, input: TaskInput, output?: TaskOutput, details?: { durationMs?: number; mediaName?: string }): Promise<void>;
}

const AVAILABILITY: Record<string, string> = {
  served: '',
  chat: 'chat models',
  endpoint: 'needs an Inference Endpoint or your own server',
};

async function pickTask(deps: PanelDeps): Promise<TaskId | undefined> {
  const { TASK_TABLE } = await deps.loadExecutor();
  const picked = await vscode.window.showQuickPick(
    TASK_TABLE.map((t) => ({ label: t.title, description: AVAILABILITY[t.availability], id: t.id })),
    { title: 'Hugging Face: Open Task Panel', placeHolder: 'Pick a task', matchOnDescription: true },
  );
  return picked?.id;
}

export function registerTaskPanels(context: vscode.ExtensionContext, services: PanelServices): ShowInPanel {
  const editor = new EditorBridge();
  const deps: PanelDeps = { extensionUri: context.extensionUri, services, editor, loadExecutor };

  context.subscriptions.push(
    editor,
    vscode.commands.registerCommand(OPEN_TASK_PANEL, async (arg?: unknown) => {
      // A task id argument (from other commands, keybindings or tests) skips the picker.
      const given = arg === undefined ? undefined : (await deps.loadExecutor()).findTask(arg)?.id;
      if (arg !== undefined && !given) {
        void showError(`Hugging Face: unknown task ${JSON.stringify(arg)?.slice(0, 60)}. Use a task id such as TASK_SUMMARIZATION.`);
        return;
      }
      const task = given ?? (await pickTask(deps));
      if (task) await TaskPanel.createOrShow(deps, task);
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, new TaskPanelSerializer(deps)),
    { dispose: () => TaskPanel.disposeAll() },
  );

  return async (task, input, output, details = {}) => {
    const executor = await deps.loadExecutor();
    const info = executor.findTask(task);
    if (!info) throw new Error(`Unknown task ${task}`);
    const panelInput = await fromTaskInput(info, input, executor.sniffMediaType, details.mediaName);
    await TaskPanel.createOrShow(deps, task, { input: panelInput, ...(output !== undefined ? { output } : {}), ...(details.durationMs !== undefined ? { durationMs: details.durationMs } : {}) }, true);
  };
}
