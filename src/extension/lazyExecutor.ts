// The executor (dist/executor.js), required at first use and never during activation.
import type { TaskId, TaskInfo } from '../executor';

export type Executor = typeof import('../executor');

export function loadExecutor(): Promise<Executor> {
  return import('../executor');
}

/** The task's row in the executor's table (ids come from the command table, so it exists). */
export async function taskInfo(task: TaskId): Promise<TaskInfo> {
  const info = (await loadExecutor()).findTask(task);
  if (!info) throw new Error(`Unknown task ${task}`);
  return info;
}

/** The same module loaded synchronously, for the exported API's `TASKS` getter (still only at first use). */
export function loadExecutorSync(): Executor {
  return require('../executor') as Executor;
}
