// The component runs in progress, one per file: which unit is running (its CodeLens
// shows a spinner that cancels on click), and the controller that cancels it.
import * as vscode from 'vscode';

export const CANCEL_COMMAND = 'huggingface.cancelComponentRun';

export class RunningRuns implements vscode.Disposable {
  private readonly runs = new Map<string, { controller: AbortController; unit?: number }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** A controller for a new run of `uri`, or undefined when one is already running. */
  start(uri: vscode.Uri): AbortController | undefined {
    if (this.runs.has(uri.toString())) return undefined;
    const controller = new AbortController();
    this.runs.set(uri.toString(), { controller });
    return controller;
  }

  /** The unit of `uri` that is running now. */
  running(uri: vscode.Uri): number | undefined {
    return this.runs.get(uri.toString())?.unit;
  }

  setUnit(uri: vscode.Uri, unit: number): void {
    const run = this.runs.get(uri.toString());
    if (!run) return;
    run.unit = unit;
    this.changed.fire();
  }

  cancel(uri: vscode.Uri): void {
    this.runs.get(uri.toString())?.controller.abort();
  }

  end(uri: vscode.Uri): void {
    this.runs.delete(uri.toString());
    this.changed.fire();
  }

  dispose(): void {
    for (const run of this.runs.values()) run.controller.abort();
    this.changed.dispose();
  }
}
