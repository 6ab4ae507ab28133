// Error notifications with the buttons errorAdvice.ts asks for. Never awaited by the
// caller: a command finishes while its notification waits for the user.
import * as vscode from 'vscode';
import type { Advice, ErrorAction } from './errorAdvice';
import { openSettings } from './settings';
import { showError } from './notify';

export class ErrorReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  show(advice: Advice): void {
    const labels = advice.actions.map(labelOf);
    void showError(advice.message, ...labels).then((choice) => {
      const action = choice === undefined ? undefined : advice.actions[labels.indexOf(choice)];
      if (action) void this.perform(action);
    });
  }

  private perform(action: ErrorAction): Thenable<unknown> | void {
    switch (action.kind) {
      case 'setToken':
        return vscode.commands.executeCommand('huggingface.setToken');
      case 'openSettings':
        return openSettings(action.query);
      case 'openUrl':
        return vscode.env.openExternal(vscode.Uri.parse(action.url));
      case 'showLog':
        return this.log.show();
    }
  }
}

function labelOf(action: ErrorAction): string {
  switch (action.kind) {
    case 'setToken':
      return 'Set Token…';
    case 'openSettings':
      return 'Open Settings';
    case 'openUrl':
      return action.label;
    case 'showLog':
      return 'Show Log';
  }
}
