// execute(): validate, send (waiting politely on loading models and rate limits),
// normalize and validate the answer. The shared steps are used by stream() too.
import { ComponentError, scrub } from './errors';
import { CallControl, header, readBody, readHead, send, type HttpResponse } from './http';
import { httpError, serverMessage } from './httpErrors';
import { readMedia, type Media } from './media';
import { normalize } from './normalize';
import { buildRequest, parseBaseUrl } from './request';
import { unknownTask } from './schemas';
import { findTask, type TaskInfo } from './tasks';
import type { ExecuteOptions, Request, Setup, TaskInput, TaskOutput } from './types';
import { assertValidInput, assertValidOutput } from './validate';
import { WaitBudget } from './waiting';

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_MAX_WAIT_MS = 120_000;
// Large enough for segmentation masks of big images; small enough to bound memory.
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 2 ** 20;

export interface Prepared {
  task: TaskInfo;
  setup: Setup;
  input: TaskInput;
  media?: Media;
}

/** Checks everything about a request before anything is sent. */
export async function prepare(request: Request): Promise<Prepared> {
  if (!request || typeof request !== 'object') throw new ComponentError('INVALID_INPUT', 'Invalid request: expected { task, setup, input }.');
  const task = findTask(request.task);
  if (!task) throw unknownTask(request.task);
  const setup = request.setup;
  if (!setup || typeof setup !== 'object') throw new ComponentError('INVALID_INPUT', 'Invalid setup: expected { api_key, base_url, is_custom_endpoint }.', { field: '/setup' });
  if (setup.api_key !== undefined && setup.api_key !== null && typeof setup.api_key !== 'string') {
    throw new ComponentError('INVALID_INPUT', 'Invalid setup: api_key must be a string.', { field: '/setup/api_key' });
  }
  if (setup.is_custom_endpoint !== undefined && typeof setup.is_custom_endpoint !== 'boolean') {
    throw new ComponentError('INVALID_INPUT', 'Invalid setup: is_custom_endpoint must be true or false.', { field: '/setup/is_custom_endpoint' });
  }
  if (typeof setup.api_key === 'string' && /[\r\n]/.test(setup.api_key)) {
    throw new ComponentError('INVALID_INPUT', 'Invalid setup: api_key contains a line break.', { field: '/setup/api_key' });
  }
  parseBaseUrl(setup);
  const input = request.input;
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new ComponentError('INVALID_INPUT', `Invalid input for ${task.id}: expected an object with the task's fields.`, { field: '' });

  const field = task.mediaField;
  const media = field ? input[field] : undefined;
  // Bytes and Blobs cannot be described by JSON Schema: validate a stand-in, then the media itself.
  const checked = field && media !== undefined && typeof media !== 'string' ? { ...input, [field]: 'bytes' } : input;
  assertValidInput(task.id, { task: task.id, ...checked });
  if (task.id === 'TASK_TABLE_QUESTION_ANSWERING') checkTable(input);
  return { task, setup, input, media: field ? await readMedia(media as never, field) : undefined };
}

function checkTable(input: TaskInput): void {
  const table = (input.inputs as { table: Record<string, unknown[]> }).table;
  const lengths = Object.entries(table).map(([name, cells]) => [name, cells.length] as const);
  const [first] = lengths;
  const odd = lengths.find(([, n]) => n !== first[1]);
  if (odd) {
    throw new ComponentError('INVALID_INPUT', `Invalid input for TASK_TABLE_QUESTION_ANSWERING: every column of inputs.table must have the same number of cells ("${first[0]}" has ${first[1]}, "${odd[0]}" has ${odd[1]}).`, { field: '/inputs/table' });
  }
}

export interface CallSettings {
  control: CallControl;
  options: ExecuteOptions;
  stream: boolean;
}

/**
 * Sends the request until it gets a 2xx answer (returned with its body unread),
 * waiting on 503/429 within the budget. Any other status throws its HTTP error.
 */
export async function call(p: Prepared, { control, options, stream }: CallSettings): Promise<HttpResponse> {
  const budget = new WaitBudget(Math.max(0, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS));
  for (;;) {
    const req = buildRequest(p.task, p.setup, p.input, p.media, stream, options.headers);
    control.arm();
    const res = await send(req, control, options.dispatcher);
    if (res.status >= 200 && res.status < 300) return res;
    const body = await readHead(res, control);
    control.disarm();
    if (res.status === 503 || res.status === 429 || res.status === 502 || res.status === 504) {
      const said = serverMessage(body, header(res, 'content-type'));
      const plan = budget.plan(res.status, said, estimatedTime(body), header(res, 'retry-after'));
      report(options, { message: plan.message, waitMs: plan.waitMs });
      await control.sleep(plan.waitMs);
      continue;
    }
    throw httpError(res.status, p.task, !!p.setup.api_key, body, header(res, 'content-type'));
  }
}

function estimatedTime(body: Buffer): number | undefined {
  try {
    const v = (JSON.parse(body.toString('utf8')) as { estimated_time?: unknown }).estimated_time;
    return typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

function report(options: ExecuteOptions, status: { message: string; waitMs?: number }): void {
  try {
    options.onStatus?.(status);
  } catch {
    // A caller's progress callback must not break the call.
  }
}

export function parseJson(task: TaskInfo, res: HttpResponse, body: Buffer): unknown {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    const type = header(res, 'content-type') ?? 'no content type';
    const what = /^\s*</.test(text) ? 'an HTML page' : text.trim() ? 'text that is not valid JSON' : 'an empty body';
    throw new ComponentError('INVALID_RESPONSE', `Hugging Face answered ${task.id} with ${what} (${type}) instead of JSON. Check the base URL and that the server is an inference endpoint.`);
  }
}

/** Errors that reach a caller: always a ComponentError, never carrying the token. */
export function finalError(error: unknown, setup: Setup | undefined, control?: CallControl): ComponentError {
  const stopped = control?.stoppedError();
  const e = error instanceof ComponentError ? error : stopped ?? new ComponentError('INVALID_RESPONSE', `Unexpected failure: ${(error as Error)?.message ?? String(error)}`);
  return scrub(e, typeof setup?.api_key === 'string' ? setup.api_key : undefined);
}

export async function execute(request: Request, options: ExecuteOptions = {}): Promise<TaskOutput> {
  let control: CallControl | undefined;
  try {
    const p = await prepare(request);
    control = new CallControl(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const res = await call(p, { control, options, stream: false });
    const body = await readBody(res, control, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    control.disarm();
    // undici frees the connection one turn after the body ends: yielding once lets the
    // caller's next request reuse it instead of opening another.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const output = normalize(p.task, parseJson(p.task, res, body), p.input);
    assertValidOutput(p.task.id, output);
    return output;
  } catch (error) {
    throw finalError(error, request?.setup, control);
  } finally {
    control?.dispose();
  }
}
