// The component executor's public surface (bundled alone as dist/executor.js).
import { ComponentError } from './errors';
import type { ExecuteOptions, Request, StreamChunk, TaskOutput, TaskSchemas } from './types';

export { TASKS, TASK_TABLE, findTask } from './tasks';
export type { TaskInfo, Transport, Availability } from './tasks';
export { ComponentError, isComponentError, redact } from './errors';
export type * from './types';

// Placeholders while the executor lands (this same session); the signatures are final.
export function getTaskSchemas(_task: string): TaskSchemas {
  throw new ComponentError('INVALID_INPUT', 'not implemented yet');
}
export async function execute(_request: Request, _options?: ExecuteOptions): Promise<TaskOutput> {
  throw new ComponentError('INVALID_INPUT', 'not implemented yet');
}
export function stream(_request: Request, _options?: ExecuteOptions): AsyncIterable<StreamChunk> {
  throw new ComponentError('INVALID_INPUT', 'not implemented yet');
}
