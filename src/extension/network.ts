// The one HTTP dispatcher every request goes through (the executor's task calls and
// the Hub's), built by the executor at first use with its keep-alive pool (and the
// proxy and CA certificates of the environment), plus the request log.
import * as vscode from 'vscode';
import type { Dispatcher } from 'undici';
import { loadExecutor } from './lazyExecutor';
import { logRequest } from './log';
import { observeRequests } from './requestLog';

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
    this.dispatcherPromise ??= loadExecutor().then((executor) => executor.createDispatcher().compose(observeRequests((record) => logRequest(this.log, record))));
    return this.dispatcherPromise;
  }

  dispose(): void {
    void this.dispatcherPromise?.then((d) => d.close()).catch(() => undefined);
  }
}
