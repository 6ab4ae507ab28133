// Component files (`*.hf.yaml`) and Instill recipes in the editor: CodeLens, run
// commands, diagnostics as you type, quick fixes, completions and hovers. Nothing
// here parses or loads the executor until a component file or recipe is open.
import * as vscode from 'vscode';
import { ComponentCodeActions } from './codeActions';
import { ComponentCodeLenses, RUN_ALL_COMMAND, RUN_COMMAND } from './codeLens';
import { ComponentCompletions, ComponentHovers } from './completionHover';
import { ComponentDiagnostics } from './diagnostics';
import { COMPONENT_LANGUAGE } from './documents';
import { ComponentRunner } from './runCommands';
import { CANCEL_COMMAND, RunningRuns } from './runningRuns';
import type { ComponentServices } from './services';

export type { ComponentServices } from './services';
export type { RunOutcome } from './runCommands';

/** Component files, and YAML files (the providers answer only for recipes). */
const SELECTOR: vscode.DocumentSelector = [{ language: COMPONENT_LANGUAGE }, { language: 'yaml' }];

export function registerComponentFiles(context: vscode.ExtensionContext, services: ComponentServices): void {
  const diagnostics = new ComponentDiagnostics();
  const running = new RunningRuns();
  const runner = new ComponentRunner(services, diagnostics, context.workspaceState, running);
  context.subscriptions.push(
    diagnostics,
    running,
    vscode.languages.registerCodeLensProvider(SELECTOR, new ComponentCodeLenses(running)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ComponentCodeActions(), { providedCodeActionKinds: ComponentCodeActions.kinds }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new ComponentCompletions(), ...ComponentCompletions.triggers),
    vscode.languages.registerHoverProvider(SELECTOR, new ComponentHovers()),
    vscode.commands.registerCommand(RUN_COMMAND, (uri?: unknown, index?: unknown, options?: { variables?: Record<string, string> }) => runner.run(uri, index, options)),
    vscode.commands.registerCommand(CANCEL_COMMAND, (uri?: unknown) => uri instanceof vscode.Uri && running.cancel(uri)),
    vscode.commands.registerCommand(RUN_ALL_COMMAND, (uri?: unknown, options?: { variables?: Record<string, string> }) => runner.runAll(uri, options)),
  );
}
