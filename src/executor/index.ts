// The component executor's public surface (bundled alone as dist/executor.js).
export { TASKS, TASK_TABLE, findTask } from './tasks';
export type { TaskInfo, Transport, Availability } from './tasks';
export type * from './types';
