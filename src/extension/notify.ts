// Notifications and notification progress: the only way the extension shows them.
// Our messages quote text we do not control (model output, server errors, file names,
// model ids from the Hub), and VS Code turns `[text](https:…|command:…|file:…)` in a
// notification into a clickable link; every message therefore goes through `inert()`
// (ESLint refuses direct calls elsewhere).
import * as vscode from 'vscode';
import { inertMessage as inert } from './format';

type Show = <T extends string>(message: string, ...rest: (vscode.MessageOptions | T)[]) => Thenable<T | undefined>;

function shower(show: Show) {
  function notifyWith<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
  function notifyWith<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Thenable<T | undefined>;
  function notifyWith<T extends string>(message: string, ...rest: (vscode.MessageOptions | T)[]): Thenable<T | undefined> {
    const safe = rest.map((r) => (typeof r === 'object' && r.detail !== undefined ? { ...r, detail: inert(r.detail) } : r));
    return show<T>(inert(message), ...safe);
  }
  return notifyWith;
}

export const showInfo = shower((message, ...rest) => vscode.window.showInformationMessage(message, ...(rest as [])));
export const showWarning = shower((message, ...rest) => vscode.window.showWarningMessage(message, ...(rest as [])));
export const showError = shower((message, ...rest) => vscode.window.showErrorMessage(message, ...(rest as [])));

export interface ProgressReport {
  message?: string;
  increment?: number;
}

/** `window.withProgress` in a notification, with the title and every message made inert. */
export function withNotificationProgress<R>(
  options: { title: string; cancellable?: boolean },
  task: (progress: vscode.Progress<ProgressReport>, cancel: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: inert(options.title), cancellable: options.cancellable ?? false }, (progress, cancel) =>
    task({ report: (r) => progress.report(r.message === undefined ? r : { ...r, message: inert(r.message) }) }, cancel),
  );
}
