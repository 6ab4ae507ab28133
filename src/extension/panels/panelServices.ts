// The seam between the task panels and everything that talks to a server. The
// panels never see the token or make HTTP calls: they call these functions, which
// the extension core implements (coreServices.ts: token from SecretStorage,
// settings, proxies, the log), and tests can replace.
import type { TaskId, TaskInfo, TaskInput, TaskOutput } from '../../executor';
import type { ModelHit } from '../../shared/protocol';

export interface RunOptions {
  signal: AbortSignal;
  /** Waits the server imposes: "model is loading, about 20 s". */
  onStatus(status: { message: string; waitMs?: number }): void;
}

export interface StreamOptions extends RunOptions {
  /** Each delta of text as it arrives. */
  onText(text: string): void;
}

export interface PanelServices {
  /** The task's output; throws an Error (with `code` and `field` when the executor gave them) on failure. */
  run(task: TaskId, input: TaskInput, opts: RunOptions): Promise<TaskOutput>;
  /** For the tasks whose `streams` flag is set: resolves with the whole text once the stream ends. */
  stream(task: TaskId, input: TaskInput, opts: StreamOptions): Promise<string>;
  searchModels(task: TaskId, query: string, signal: AbortSignal): Promise<ModelHit[]>;
  /** The model a panel starts with (the user's configured default, else the task table's). */
  defaultModel(task: TaskInfo): string;
  log: { info(msg: string): void; warn(msg: string): void };
}
