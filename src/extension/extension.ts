// Activation only wires things together; every feature lives in its own module.
import * as vscode from 'vscode';
import { executorPanelServices } from './panels/executorServices';
import { registerTaskPanels } from './panels';

export function activate(context: vscode.ExtensionContext) {
  const showInPanel = registerTaskPanels(context, executorPanelServices(context));
  return { showInPanel };
}

export function deactivate(): void {}
