// The one HTTP dispatcher the extension hands to the executor and the Hub client,
// created at first use (dist/http.js is not loaded during activation).
import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import { logRequest } from './log';

export class Network implements vscode.Disposable {
  private dispatcherPromise: Promise<Dispatcher> | undefined;
  /** Sent with every request, so server logs can tell where calls come from. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    extensionVersion: string,
  ) {
    this.headers = { 'user-agent': `huggingface-vscode-tasks/${extensionVersion} vscode/${vscode.version}` };
  }

  dispatcher(): Promise<Dispatcher> {
    this.dispatcherPromise ??= import('../http').then((http) => http.createDispatcher((record) => logRequest(this.log, record)));
    return this.dispatcherPromise;
  }

  dispose(): void {
    void this.dispatcherPromise?.then((d) => d.close()).catch(() => undefined);
  }
}
