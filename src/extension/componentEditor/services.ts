// What the component-file features need from the rest of the extension: the
// connection, the token, the executor with the user's network settings, error
// reporting with actions, and where results are shown.
import type * as vscode from 'vscode';
import type { Request, Setup, Status } from '../../executor';

export interface ComponentServices {
  /** The configured connection (base URL, custom endpoint); the key is added per run. */
  setup(): Setup;
  /** The largest file a `${file:…}` reference may read (huggingface.maxMediaMegabytes). */
  maxFileBytes(): number;
  /** The token to send ('' for none), or undefined when the user declined to set one. */
  tokenForRun(): Promise<string | undefined>;
  /** Runs one request through the executor with the user's timeouts, proxy and headers. */
  execute(request: Request, signal: AbortSignal, onStatus: (status: Status) => void): Promise<unknown>;
  /** Tells the user a run failed, with the actions that help (set token, settings, log). */
  reportError(error: { code: string; message: string; status?: number }, task: string, model: string): void;
  /** Shows a run in its task's panel. */
  /** Shows a run's result where results are shown (the task's panel). */
  showResult(task: string, input: Record<string, unknown>, output: unknown, durationMs: number): Promise<void>;
  log: vscode.LogOutputChannel;
}
