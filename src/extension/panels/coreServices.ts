// PanelServices over the extension core: a panel's run is prepared by the same
// TaskRunner as every command (token from SecretStorage, settings, proxies), is
// reached by "Cancel Running Tasks", and lands in the log, the recent models and the
// history; but it runs quietly, since the panel shows progress and errors itself,
// worded as the commands word them.
import type * as vscode from 'vscode';
import type { ExecuteOptions, Request, TaskId, TaskInput } from '../../executor';
import { adviseOnError } from '../errorAdvice';
import { taskInfo, type Executor } from '../lazyExecutor';
import type { ModelPicker } from '../modelPicker';
import type { RecentModels } from '../recentModels';
import type { ResultHistory } from '../resultHistory';
import type { TaskRunner } from '../runTask';
import type { SettingsWatcher } from '../settings';
import type { PanelServices, RunOptions, StreamOptions } from './panelServices';

export interface CoreDeps {
  runner: TaskRunner;
  picker: ModelPicker;
  settings: SettingsWatcher;
  history: ResultHistory;
  recent: RecentModels;
  log: vscode.LogOutputChannel;
}

type Work<R> = (executor: Executor, request: Request, options: ExecuteOptions) => Promise<R>;

/** Raised when the runner would not start (no token given, a base URL it refuses); the user has been told why. */
const NOT_STARTED = 'Not run: set a token ("Hugging Face: Set API Token") or fix huggingface.baseUrl, as the notification says.';

export function corePanelServices(deps: CoreDeps): PanelServices {
  const { runner, picker, settings, history, recent, log } = deps;

  async function quietly<R>(taskId: TaskId, { model, ...input }: TaskInput, control: RunOptions, work: Work<R>): Promise<R> {
    const session = await runner.prepare(taskId);
    if (!session) throw new Error(NOT_STARTED);
    const { executor, task } = session;
    const controller = new AbortController();
    const stop = () => controller.abort();
    if (control.signal.aborted) controller.abort();
    control.signal.addEventListener('abort', stop);
    const registration = runner.register(controller);
    const what = `${task.title} with ${model} (task panel)`;
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    log.info(`${what}: started.`);
    try {
      const options = await session.options(controller.signal, (status) => {
        control.onStatus(status);
        log.info(`${what}: ${status.message}`);
      });
      const output = await work(executor, session.request(model, input), options);
      log.info(`${what}: done in ${elapsed()}.`);
      void recent.add(taskId, model);
      history.add(taskId, model, output, input);
      return output;
    } catch (e) {
      if (controller.signal.aborted || (executor.isComponentError(e) && e.code === 'CANCELLED')) {
        log.info(`${what}: cancelled after ${elapsed()}.`);
        throw e;
      }
      if (!executor.isComponentError(e)) throw e;
      log.error(`${what}: ${e.code}${e.status ? ` ${e.status}` : ''} after ${elapsed()}: ${e.message}`);
      if (e.code === 'INVALID_INPUT') throw e; // the panel shows it on its field
      const { message } = adviseOnError(e, { taskTitle: task.title, model, availability: task.availability, isCustomEndpoint: settings.current.isCustomEndpoint });
      throw Object.assign(new Error(message), { code: e.code });
    } finally {
      control.signal.removeEventListener('abort', stop);
      registration.dispose();
    }
  }

  return {
    run: (task, input, control) => quietly(task, input, control, (executor, request, options) => executor.execute(request, options)),
    stream: (task, input, control: StreamOptions) =>
      quietly(task, input, control, async (executor, request, options) => {
        let text = '';
        for await (const chunk of executor.stream(request, options)) {
          text += chunk.text;
          control.onText(chunk.text);
        }
        return text;
      }),
    async searchModels(task, query, signal) {
      return picker.search(await taskInfo(task), query, signal);
    },
    defaultModel: (task) => picker.defaultModel(task),
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
  };
}
