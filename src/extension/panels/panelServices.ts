// The seam between the task panels and everything that talks to a server. The
// panels never see the token or make HTTP calls: they call these functions, which
// the extension core implements (token from SecretStorage, settings, proxies, logs).
import type { TaskId, TaskInput, TaskOutput } from '../../executor';
import type { ModelHit } from '../../shared/protocol';

export interface RunOptions {
  signal: AbortSignal;
  /** Waits the server imposes: "model is loading, about 20 s". */
  onStatus(status: { message: string; waitMs?: number }): void;
}

export interface PanelServices {
  run(task: TaskId, input: TaskInput, opts: RunOptions): Promise<TaskOutput>;
  /** Text deltas, for the tasks whose `streams` flag is set. */
  stream(task: TaskId, input: TaskInput, opts: RunOptions): AsyncIterable<{ text: string }>;
  searchModels(task: TaskId, query: string, signal: AbortSignal): Promise<ModelHit[]>;
  /** The model a panel starts with (the user's configured default, else the task table's). */
  defaultModel(task: TaskId): string;
  log: { info(msg: string): void; warn(msg: string): void };
}
