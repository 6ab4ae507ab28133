// Every run goes through here: the token, the setup from settings, a cancellable
// progress notification whose Cancel aborts the HTTP request, the executor's status
// ("model is loading, about 20 s") shown in it, the outcome logged, and errors shown
// with an action. The executor is loaded on the first run.
import * as vscode from 'vscode';
import type { ExecuteOptions, Request, Status, TaskId, TaskInfo, TaskInput, TaskOutputs } from '../executor';
import { adviseOnError } from './errorAdvice';
import type { ErrorReporter } from './errorActions';
import { loadExecutor, taskInfo, type Executor } from './lazyExecutor';
import type { Network } from './network';
import type { RecentModels } from './recentModels';
import type { ResultHistory } from './resultHistory';
import type { SettingsWatcher } from './settings';
import { requestOptions, taskSetup } from './runSetup';
import { urlProblem } from './urls';
import { withNotificationProgress } from './notify';

export interface RunResult<T> {
  output: T;
  /** The result's id in the history ("Show Details"). */
  id: number;
}

/** A prepared run: requests for any number of inputs (one file or a folder of them). */
export interface RunSession {
  executor: Executor;
  task: TaskInfo;
  request(model: string, input: Omit<TaskInput, 'model'>): Request;
  /** Options for one request; the dispatcher is fetched per request, so settings changes apply mid-batch. */
  options(signal: AbortSignal | undefined, onStatus?: (status: Status) => void): Promise<ExecuteOptions>;
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
   * Everything a run needs before it sends anything: the executor, the task, the token
   * (the user may be asked for one) and the setup from settings. Undefined when the user
   * declined to set a token or a setting is wrong (they have been told).
   */
  async prepare(taskId: TaskId): Promise<RunSession | undefined> {
    const { settings, network, errors } = this.deps;
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
    const setup = taskSetup(s, token);
    return {
      executor,
      task,
      request: (model, input) => ({ task: taskId, setup, input: { ...input, model } }),
      options: (signal, onStatus) => requestOptions(s, network, signal, onStatus),
    };
  }

  /** Registers a run's controller, so that "Cancel Running Tasks" reaches it too; dispose when it ends. */
  register(controller: AbortController): vscode.Disposable {
    this.track(controller, true);
    return { dispose: () => this.track(controller, false) };
  }

  /** Logs a failed run (`when`: "after 120 ms") and shows it with the action that fixes it. */
  showError(session: RunSession, model: string, e: unknown, when = ''): void {
    const error = session.executor.isComponentError(e) ? e : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    const { task } = session;
    this.deps.log.error(`${task.title} with ${model}: ${error.code}${'status' in error && error.status ? ` ${error.status}` : ''}${when ? ` ${when}` : ''}: ${error.message}`);
    this.deps.errors.show(adviseOnError(error, { taskTitle: task.title, model, availability: task.availability, isCustomEndpoint: this.deps.settings.current.isCustomEndpoint }));
  }

  private async run<R>(
    taskId: TaskId,
    model: string,
    input: Omit<TaskInput, 'model'>,
    stop: AbortSignal | undefined,
    work: (executor: Executor, request: Request, options: ExecuteOptions) => Promise<R>,
  ): Promise<RunResult<R> | undefined> {
    const { settings, log } = this.deps;
    const session = await this.prepare(taskId);
    if (!session) return undefined;
    const { executor, task } = session;
    const controller = new AbortController();
    const onStop = () => controller.abort();
    stop?.addEventListener('abort', onStop);
    const registration = this.register(controller);
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    const s = settings.current;
    log.info(`${task.title} with ${model}: started (${s.isCustomEndpoint ? 'custom endpoint' : s.baseUrl}).`);
    try {
      const output = await withNotificationProgress({ title: `Hugging Face: ${task.title} (${model})`, cancellable: true },
        async (progress, cancel) => {
          cancel.onCancellationRequested(() => controller.abort());
          const options = await session.options(controller.signal, (status) => {
            progress.report({ message: status.message });
            log.info(`${task.title} with ${model}: ${status.message}`);
          });
          return work(executor, session.request(model, input), options);
        },
      );
      log.info(`${task.title} with ${model}: done in ${elapsed()}.`);
      void this.deps.recent.add(taskId, model);
      return { output, id: this.deps.history.add(taskId, model, output, input) };
    } catch (e) {
      if ((executor.isComponentError(e) && e.code === 'CANCELLED') || controller.signal.aborted) {
        log.info(`${task.title} with ${model}: cancelled after ${elapsed()}.`);
        return undefined;
      }
      this.showError(session, model, e, `after ${elapsed()}`);
      return undefined;
    } finally {
      stop?.removeEventListener('abort', onStop);
      registration.dispose();
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
