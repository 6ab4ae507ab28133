// Activation only wires things together; every feature lives in its own module.
// Nothing here makes a request or loads the executor: both wait for the first command.
import * as vscode from 'vscode';
import type { TaskId, TaskInput, TaskOutput } from '../executor';
import { createApi, type HuggingFaceTasksApi } from './api';
import { ChatSessions } from './chat';
import type { CommandContext } from './commandContext';
import { registerComponentFiles } from './componentEditor';
import { componentServices } from './componentServices';
import { ConnectionCheck } from './connectionCheck';
import { ErrorReporter } from './errorActions';
import { FOLDER_COMMANDS, runFolderBatch } from './folderBatch';
import { openSample } from './gettingStarted';
import { HubClient } from './hubClient';
import { InlineResults } from './inlineDecorations';
import { createLog } from './log';
import { SHOW_IN_PANEL, showMediaInPanel } from './mediaPanel';
import { COPY_JSON, MediaResults, SAVE_ANNOTATED } from './mediaResults';
import { ModelPicker } from './modelPicker';
import { Network } from './network';
import { registerTaskPanels, type PanelApi } from './panels';
import { corePanelServices } from './panels/coreServices';
import { RecentModels } from './recentModels';
import { ResultHistory } from './resultHistory';
import { TaskRunner } from './runTask';
import { TokenStore } from './secrets';
import { SettingsWatcher } from './settings';
import { AccountStatus } from './statusBar';
import { registerTaskCommands } from './taskCommands';
import { TokenCommands } from './tokenCommands';

/** How long our own `activate()` took, for the start-up benchmark. */
let activationMs: number | undefined;

export function activate(context: vscode.ExtensionContext): HuggingFaceTasksApi & PanelApi {
  const started = performance.now();
  const log = createLog();
  const settings = new SettingsWatcher();
  const tokens = new TokenStore(context.secrets, context.globalState);
  const network = new Network(log, String(context.extension.packageJSON.version));
  const hub = new HubClient(network, settings);
  const account = new TokenCommands(tokens, hub, settings, log);
  const history = new ResultHistory();
  const recent = new RecentModels(context.globalState);
  const errors = new ErrorReporter(log);
  const runner = new TaskRunner({ settings, network, log, errors, history, recent, tokenForRun: () => account.tokenForRun() });
  const inline = new InlineResults();
  const media = new MediaResults();
  const ctx: CommandContext = { settings, runner, picker: new ModelPicker(hub, tokens, recent, settings), inline, history, state: context.globalState, media, recent, log };
  const chat = new ChatSessions(ctx);
  const connection = new ConnectionCheck(tokens, hub, network, settings, log);
  const command = vscode.commands.registerCommand;
  const showInPanel = registerTaskPanels(context, corePanelServices({ runner, picker: ctx.picker, settings, history, recent, log }));
  // A component file's last result goes to its task's panel (the run is in the history already).
  const showResult = async (task: string, input: Record<string, unknown>, output: unknown, durationMs: number) => showInPanel(task as TaskId, input as TaskInput, output as TaskOutput, { durationMs });
  registerComponentFiles(context, componentServices({ settings, network, log, errors, tokenForRun: () => account.tokenForRun(), showResult }));

  context.subscriptions.push(
    log,
    settings,
    tokens,
    network,
    runner,
    inline,
    media,
    chat,
    new AccountStatus(tokens),
    ...registerTaskCommands(ctx, chat),
    command('huggingface.setToken', (arg?: unknown) => account.setToken(arg)),
    command('huggingface.signOut', () => account.signOut()),
    command('huggingface.testConnection', () => connection.run()),
    command('huggingface.showLog', () => log.show()),
    command('huggingface.showDetails', (id?: unknown) => history.show(typeof id === 'number' ? id : undefined)),
    command('huggingface.showResultInPanel', async (id?: unknown) => {
      // A result run on a file (its bytes are not kept here) opens as JSON instead.
      const view = history.panelView(typeof id === 'number' ? id : undefined);
      if (!view) return history.show(typeof id === 'number' ? id : undefined);
      await showInPanel(view.task as TaskId, view.input as TaskInput, view.output as TaskOutput);
      return view.task;
    }),
    command('huggingface.clearResults', () => vscode.window.activeTextEditor && inline.clear(vscode.window.activeTextEditor.document)),
    command('huggingface.cancelRun', () => runner.cancelAll()),
    command('huggingface.openSample', () => openSample()),
    // Not contributed (so not in the palette): what is shown inline, for tests and troubleshooting.
    command('huggingface._test.decorations', (uri?: vscode.Uri) => {
      const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      return document ? inline.describe(document) : [];
    }),
    command('huggingface._test.activationMs', () => activationMs),
  );

  // Images, audio and folders (explorer actions, folder batches, the media result view's actions).
  context.subscriptions.push(
    ...FOLDER_COMMANDS.map((c) => command(c.command, (...args: unknown[]) => runFolderBatch(ctx, c, args))),
    command(SAVE_ANNOTATED, (id?: unknown, options?: unknown) => media.saveAnnotated(id, options)),
    command(COPY_JSON, (id?: unknown) => media.copyJson(id)),
    command(SHOW_IN_PANEL, (id?: unknown, index?: unknown) => showMediaInPanel(ctx, showInPanel, media, id, index)),
    command('huggingface._test.mediaViews', () => media.describe()),
  );

  // For other extensions: tasks with the user's settings, token and network (loads nothing until called).
  // Assigned, not spread: the API's TASKS getter must not load the executor at activation.
  const api = Object.assign(createApi({ settings, network, tokens, log }), { showInPanel });
  activationMs = performance.now() - started;
  return api;
}

export function deactivate(): void {}
