// Activation only wires things together; every feature lives in its own module.
// Nothing here makes a request or loads the executor: both wait for the first command.
import * as vscode from 'vscode';
import { ChatSessions } from './chat';
import type { CommandContext } from './commandContext';
import { ConnectionCheck } from './connectionCheck';
import { ErrorReporter } from './errorActions';
import { openSample } from './gettingStarted';
import { HubClient } from './hubClient';
import { InlineResults } from './inlineDecorations';
import { createLog } from './log';
import { ModelPicker } from './modelPicker';
import { Network } from './network';
import { registerTaskPanels, type ShowInPanel } from './panels';
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

/** What other extensions get from `vscode.extensions.getExtension(…).exports`. */
export interface HuggingFaceTasksApi {
  /** Opens a task's panel filled with an input and, optionally, its result. */
  showInPanel: ShowInPanel;
}

export function activate(context: vscode.ExtensionContext): HuggingFaceTasksApi {
  const started = performance.now();
  const log = createLog();
  const settings = new SettingsWatcher();
  const tokens = new TokenStore(context.secrets, context.globalState);
  const network = new Network(log, String(context.extension.packageJSON.version));
  const hub = new HubClient(network, settings);
  const account = new TokenCommands(tokens, hub, settings, log);
  const history = new ResultHistory();
  const recent = new RecentModels(context.globalState);
  const runner = new TaskRunner({ settings, network, log, errors: new ErrorReporter(log), history, recent, tokenForRun: () => account.tokenForRun() });
  const inline = new InlineResults();
  const ctx: CommandContext = { settings, runner, picker: new ModelPicker(hub, tokens, recent, settings), inline, history, state: context.globalState };
  const chat = new ChatSessions(ctx);
  const connection = new ConnectionCheck(tokens, hub, network, settings, log);
  const command = vscode.commands.registerCommand;

  context.subscriptions.push(
    log,
    settings,
    tokens,
    network,
    runner,
    inline,
    chat,
    new AccountStatus(tokens),
    ...registerTaskCommands(ctx, chat),
    command('huggingface.setToken', (arg?: unknown) => account.setToken(arg)),
    command('huggingface.signOut', () => account.signOut()),
    command('huggingface.testConnection', () => connection.run()),
    command('huggingface.showLog', () => log.show()),
    command('huggingface.showDetails', (id?: unknown) => history.show(typeof id === 'number' ? id : undefined)),
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
  const showInPanel = registerTaskPanels(context, corePanelServices({ runner, picker: ctx.picker, settings, log }));
  activationMs = performance.now() - started;
  return { showInPanel };
}

export function deactivate(): void {}
