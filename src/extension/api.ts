// The extension's exported API (what `activate()` returns): other extensions run tasks
// with the user's settings, token and network, and get the spec's outputs or the
// executor's ComponentErrors (code, status, message; never the token). Nothing is
// loaded until the first call.
import type { ComponentError, StreamChunk, TaskId, TaskInput, TaskOutputs } from '../executor';
import { loadExecutor, loadExecutorSync, type Executor } from './lazyExecutor';
import type * as vscode from 'vscode';
import type { Network } from './network';
import { requestOptions, taskSetup } from './runSetup';
import type { TokenStore } from './secrets';
import type { SettingsWatcher } from './settings';
import { urlProblem } from './urls';

/** The spec's input for the task; `model` may be left out for the user's default model of the task. */
export type ApiInput = Omit<TaskInput, 'model'> & { model?: string };

export interface ApiOptions {
  signal?: AbortSignal;
}

export interface HuggingFaceTasksApi {
  /** The 17 task ids, in the spec's order. */
  readonly TASKS: readonly TaskId[];
  execute<T extends TaskId>(task: T, input: ApiInput, options?: ApiOptions): Promise<TaskOutputs[T]>;
  /** Text deltas as they arrive, for TASK_TEXT_GENERATION and TASK_CONVERSATIONAL. */
  stream(task: 'TASK_TEXT_GENERATION' | 'TASK_CONVERSATIONAL', input: ApiInput, options?: ApiOptions): AsyncIterable<StreamChunk>;
}

export interface ApiDeps {
  settings: SettingsWatcher;
  network: Network;
  tokens: TokenStore;
  log: vscode.LogOutputChannel;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createApi(deps: ApiDeps): HuggingFaceTasksApi {
  /** The request and options for a call, or a ComponentError when the settings do not allow one. */
  async function prepare(executor: Executor, task: string, input: ApiInput, options: ApiOptions) {
    const s = deps.settings.current;
    const token = (await deps.tokens.get()) ?? '';
    const problem = urlProblem(s.baseUrl, 'huggingface.baseUrl', token !== '');
    if (problem) throw new executor.ComponentError('INVALID_INPUT', problem, { field: '/setup/base_url' });
    const info = executor.findTask(task);
    const model = isObject(input) && typeof input.model === 'string' ? input.model : info && (s.defaultModels[info.id] ?? info.defaultModel);
    const request = { task, setup: taskSetup(s, token), input: (isObject(input) ? { ...input, model } : input) as TaskInput };
    return { request, options: await requestOptions(s, deps.network, options.signal), model, token };
  }

  /** Only ComponentErrors leave the API, and none carries the token. */
  function apiError(executor: Executor, e: unknown, token: string | undefined): ComponentError {
    if (executor.isComponentError(e)) return e;
    return new executor.ComponentError('INVALID_RESPONSE', executor.redact(`Unexpected failure: ${e instanceof Error ? e.message : String(e)}`, token));
  }

  const logOutcome = (task: string, model: unknown, started: number, error?: ComponentError) => {
    const what = `API: ${task} with ${String(model)}`;
    const ms = Math.round(performance.now() - started);
    if (!error) deps.log.info(`${what}: done in ${ms} ms.`);
    else if (error.code === 'CANCELLED') deps.log.info(`${what}: cancelled after ${ms} ms.`);
    else deps.log.warn(`${what}: ${error.code}${error.status ? ` ${error.status}` : ''}: ${error.message}`);
  };

  return {
    get TASKS() {
      return loadExecutorSync().TASKS;
    },

    async execute<T extends TaskId>(task: T, input: ApiInput, options: ApiOptions = {}): Promise<TaskOutputs[T]> {
      const executor = await loadExecutor();
      const started = performance.now();
      let call: Awaited<ReturnType<typeof prepare>> | undefined;
      try {
        call = await prepare(executor, task, input, options);
        const output = (await executor.execute(call.request, call.options)) as TaskOutputs[T];
        logOutcome(task, call.model, started);
        return output;
      } catch (e) {
        const error = apiError(executor, e, call?.token);
        logOutcome(task, call?.model, started, error);
        throw error;
      }
    },

    async *stream(task, input, options = {}) {
      const executor = await loadExecutor();
      const started = performance.now();
      let call: Awaited<ReturnType<typeof prepare>> | undefined;
      try {
        call = await prepare(executor, task, input, options);
        yield* executor.stream(call.request, call.options);
        logOutcome(task, call.model, started);
      } catch (e) {
        const error = apiError(executor, e, call?.token);
        logOutcome(task, call?.model, started, error);
        throw error;
      }
    },
  };
}
