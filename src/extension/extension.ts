// Activation only wires things together; every feature lives in its own module.
import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features are registered here as they land.
}

export function deactivate(): void {}
