// Every run goes through here: the token, the setup from settings, a cancellable
// progress notification whose Cancel aborts the HTTP request, the executor's status
// ("model is loading, about 20 s") shown in it, the outcome logged, and errors shown
// with an action. The executor is loaded on the first run.
import * as vscode from 'vscode';
import type { ExecuteOptions, Request, TaskId, TaskInput, TaskOutputs } from '../executor';
import { adviseOnError } from './errorAdvice';
import type { ErrorReporter } from './errorActions';
import { loadExecutor, taskInfo, type Executor } from './lazyExecutor';
import type { Network } from './network';
import type { RecentModels } from './recentModels';
import type { ResultHistory } from './resultHistory';
import type { SettingsWatcher } from './settings';
import { urlProblem } from './urls';

export interface RunResult<T> {
  output: T;
  /** The result's id in the history ("Show Details"). */
  id: number;
}

export interface RunDeps {
  settings: SettingsWatcher;
  network: Network;
  log: vscode.LogOutputChannel;
  errors: ErrorReporter;
  history: ResultHistory;
  recent: RecentModels;
  /** The token to send ('' for none), or undefined when the user declined to set one. */
  tokenForRun: () => Promise<string | undefined>;
}

export class TaskRunner implements vscode.Disposable {
  private readonly active = new Set<AbortController>();

  constructor(private readonly deps: RunDeps) {}

  execute<T extends TaskId>(task: T, model: string, input: Omit<TaskInput, 'model'>): Promise<RunResult<TaskOutputs[T]> | undefined> {
    return this.run(task, model, input, undefined, (executor, request, options) => executor.execute(request, options) as Promise<TaskOutputs[T]>);
  }

  /**
   * Streams a text task, handing each delta to `onText`. Resolves with the whole text
   * once the stream ends; undefined when it failed or was cancelled (by the user, or by
   * `stop`), after `onText` has seen whatever arrived.
   */
  stream(task: 'TASK_TEXT_GENERATION' | 'TASK_CONVERSATIONAL', model: string, input: Omit<TaskInput, 'model'>, onText: (text: string) => void, stop?: AbortSignal): Promise<RunResult<string> | undefined> {
    return this.run(task, model, input, stop, async (executor, request, options) => {
      let text = '';
      for await (const chunk of executor.stream(request, options)) {
        text += chunk.text;
        onText(chunk.text);
      }
      return text;
    });
  }

  /** `huggingface.cancelRun`: cancels every run in progress. */
  cancelAll(): number {
    const count = this.active.size;
    for (const controller of this.active) controller.abort();
    return count;
  }

  private async run<R>(
    taskId: TaskId,
    model: string,
    input: Omit<TaskInput, 'model'>,
    stop: AbortSignal | undefined,
    work: (executor: Executor, request: Request, options: ExecuteOptions) => Promise<R>,
  ): Promise<RunResult<R> | undefined> {
    const { settings, network, log, errors } = this.deps;
    const executor = await loadExecutor();
    const task = await taskInfo(taskId);
    const token = await this.deps.tokenForRun();
    if (token === undefined) return undefined;
    const s = settings.current;
    const problem = urlProblem(s.baseUrl, 'huggingface.baseUrl', token !== '');
    if (problem) {
      errors.show({ message: problem, actions: [{ kind: 'openSettings', query: 'huggingface.baseUrl' }] });
      return undefined;
    }

    const request: Request = { task: taskId, setup: { api_key: token, base_url: s.baseUrl, is_custom_endpoint: s.isCustomEndpoint }, input: { ...input, model } };
    const controller = new AbortController();
    const onStop = () => controller.abort();
    stop?.addEventListener('abort', onStop);
    this.track(controller, true);
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    log.info(`${task.title} with ${model}: started (${s.isCustomEndpoint ? 'custom endpoint' : s.baseUrl}).`);
    try {
      const output = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Hugging Face: ${task.title} (${model})`, cancellable: true },
        async (progress, cancel) => {
          cancel.onCancellationRequested(() => controller.abort());
          const options: ExecuteOptions = {
            signal: controller.signal,
            timeoutMs: s.requestTimeoutMs,
            maxWaitMs: s.maxWaitMs,
            dispatcher: await network.dispatcher(),
            headers: { ...network.headers },
            onStatus: (status) => {
              progress.report({ message: status.message });
              log.info(`${task.title} with ${model}: ${status.message}`);
            },
          };
          return work(executor, request, options);
        },
      );
      log.info(`${task.title} with ${model}: done in ${elapsed()}.`);
      void this.deps.recent.add(taskId, model);
      return { output, id: this.deps.history.add(taskId, model, output) };
    } catch (e) {
      const error = executor.isComponentError(e) ? e : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
      if (error.code === 'CANCELLED' || controller.signal.aborted) {
        log.info(`${task.title} with ${model}: cancelled after ${elapsed()}.`);
        return undefined;
      }
      log.error(`${task.title} with ${model}: ${error.code}${'status' in error && error.status ? ` ${error.status}` : ''} after ${elapsed()}: ${error.message}`);
      errors.show(adviseOnError(error, { taskTitle: task.title, model, availability: task.availability, isCustomEndpoint: s.isCustomEndpoint }));
      return undefined;
    } finally {
      stop?.removeEventListener('abort', onStop);
      this.track(controller, false);
    }
  }

  private track(controller: AbortController, running: boolean): void {
    if (running) this.active.add(controller);
    else this.active.delete(controller);
    void vscode.commands.executeCommand('setContext', 'huggingface.running', this.active.size > 0);
  }

  dispose(): void {
    this.cancelAll();
  }
}
