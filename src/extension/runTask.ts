// Every run goes through here: the token, the setup from settings, a cancellable
// progress notification whose Cancel aborts the HTTP request, the executor's status
// ("model is loading, about 20 s") shown in it, the outcome logged, and errors shown
// with an action. The executor is loaded on the first run.
import * as vscode from 'vscode';
import type { ExecuteOptions, Request, Status, TaskId, TaskInfo, TaskInput, TaskOutputs } from '../executor';
import { adviseOnError, type Advice } from './errorAdvice';
import type { ErrorReporter } from './errorActions';
import { loadExecutor, taskInfo, type Executor } from './lazyExecutor';
import type { Network } from './network';
import type { RecentModels } from './recentModels';
import type { ResultHistory } from './resultHistory';
import type { Settings, SettingsWatcher } from './settings';
import { urlProblem } from './urls';

export interface RunResult<T> {
  output: T;
  /** The result's id in the history ("Show Details"). */
  id: number;
}

/** How a caller follows a run: its cancel signal and the server's waits ("model is loading, about 20 s"). */
export interface RunControl {
  signal: AbortSignal;
  onStatus(status: Status): void;
}

type Work<R> = (executor: Executor, request: Request, options: ExecuteOptions) => Promise<R>;

interface Prepared {
  executor: Executor;
  task: TaskInfo;
  settings: Settings;
  request: Request;
  model: string;
}

/** A run stopped before anything was sent, with what the user can do about it. */
export class RunRefused extends Error {
  constructor(readonly advice: Advice) {
    super(advice.message || 'Hugging Face needs an access token to run models: run "Hugging Face: Set API Token".');
  }
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

  /**
   * A run for a caller that shows its own progress and errors (the task panels): the same
   * token, settings, network, log, recent models and history as every command, without a
   * notification. Failures are thrown: a `RunRefused` before anything is sent (no token,
   * a base URL that cannot take one), else the executor's `ComponentError`.
   */
  async attempt<R>(taskId: TaskId, model: string, input: Omit<TaskInput, 'model'>, control: RunControl, work: Work<R>): Promise<RunResult<R>> {
    const ready = await this.prepare(taskId, model, input);
    if ('refused' in ready) throw new RunRefused(ready.refused);
    return this.perform(ready, control, work);
  }

  private async run<R>(taskId: TaskId, model: string, input: Omit<TaskInput, 'model'>, stop: AbortSignal | undefined, work: Work<R>): Promise<RunResult<R> | undefined> {
    const ready = await this.prepare(taskId, model, input);
    if ('refused' in ready) {
      if (ready.refused.message) this.deps.errors.show({ message: ready.refused.message, actions: ready.refused.actions });
      return undefined;
    }
    const { executor, task, settings: s } = ready;
    const controller = new AbortController();
    const onStop = () => controller.abort();
    stop?.addEventListener('abort', onStop);
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Hugging Face: ${task.title} (${model})`, cancellable: true },
        (progress, cancel) => {
          cancel.onCancellationRequested(() => controller.abort());
          return this.perform(ready, { signal: controller.signal, onStatus: (status) => progress.report({ message: status.message }) }, work);
        },
      );
    } catch (e) {
      const error = executor.isComponentError(e) ? e : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
      if (error.code !== 'CANCELLED' && !controller.signal.aborted) {
        this.deps.errors.show(adviseOnError(error, { taskTitle: task.title, model, availability: task.availability, isCustomEndpoint: s.isCustomEndpoint }));
      }
      return undefined;
    } finally {
      stop?.removeEventListener('abort', onStop);
    }
  }

  /** Everything checked before a request: the executor, the token, the base URL. */
  private async prepare(taskId: TaskId, model: string, input: Omit<TaskInput, 'model'>): Promise<Prepared | { refused: Advice }> {
    const executor = await loadExecutor();
    const task = await taskInfo(taskId);
    const token = await this.deps.tokenForRun();
    // The user declined to set a token: they were just asked, so no second message for commands.
    if (token === undefined) return { refused: { message: '', actions: [{ kind: 'setToken' }] } };
    const s = this.deps.settings.current;
    const problem = urlProblem(s.baseUrl, 'huggingface.baseUrl', token !== '');
    if (problem) return { refused: { message: problem, actions: [{ kind: 'openSettings', query: 'huggingface.baseUrl' }] } };
    const request: Request = { task: taskId, setup: { api_key: token, base_url: s.baseUrl, is_custom_endpoint: s.isCustomEndpoint }, input: { ...input, model } };
    return { executor, task, settings: s, request, model };
  }

  /** Sends the prepared request: logged, tracked for "Cancel Run", and kept in the history when it succeeds. */
  private async perform<R>(ready: Prepared, control: RunControl, work: Work<R>): Promise<RunResult<R>> {
    const { network, log } = this.deps;
    const { executor, task, settings: s, request, model } = ready;
    const controller = new AbortController();
    const onStop = () => controller.abort();
    if (control.signal.aborted) controller.abort();
    control.signal.addEventListener('abort', onStop);
    this.track(controller, true);
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    log.info(`${task.title} with ${model}: started (${s.isCustomEndpoint ? 'custom endpoint' : s.baseUrl}).`);
    try {
      const options: ExecuteOptions = {
        signal: controller.signal,
        timeoutMs: s.requestTimeoutMs,
        maxWaitMs: s.maxWaitMs,
        dispatcher: await network.dispatcher(),
        headers: { ...network.headers },
        onStatus: (status) => {
          control.onStatus(status);
          log.info(`${task.title} with ${model}: ${status.message}`);
        },
      };
      const output = await work(executor, request, options);
      log.info(`${task.title} with ${model}: done in ${elapsed()}.`);
      void this.deps.recent.add(task.id, model);
      return { output, id: this.deps.history.add(task.id, model, output) };
    } catch (e) {
      const error = executor.isComponentError(e) ? e : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
      if (error.code === 'CANCELLED' || controller.signal.aborted) log.info(`${task.title} with ${model}: cancelled after ${elapsed()}.`);
      else log.error(`${task.title} with ${model}: ${error.code}${'status' in error && error.status ? ` ${error.status}` : ''} after ${elapsed()}: ${error.message}`);
      throw e;
    } finally {
      control.signal.removeEventListener('abort', onStop);
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
