// The component executor's public surface (bundled alone as dist/executor.js).
export { TASKS, TASK_TABLE, findTask } from './tasks';
export type { TaskInfo, Transport, Availability } from './tasks';
export { ComponentError, isComponentError, redact } from './errors';
export { getTaskSchemas } from './schemas';
export { validateInput } from './validate';
export type { FieldProblem } from './validate';
export { execute } from './execute';
export { stream } from './stream';
export { sniffMediaType } from './media';
export { sharedDispatcher } from './http';
export { requestUrl } from './request';
export type * from './types';
export { runBatch } from './batch';
export type { BatchOutcome, BatchOptions } from './batch';
export { createDispatcher } from './network';
export type { NetworkSettings } from './network';
export { closest } from './closest';
