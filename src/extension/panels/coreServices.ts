// PanelServices over the extension core: runs go through the same TaskRunner as
// every command (token from SecretStorage, settings, proxies, log, history), quietly,
// since the panel shows progress and errors itself; failures read like the commands'.
import type * as vscode from 'vscode';
import type { TaskId } from '../../executor';
import { adviseOnError } from '../errorAdvice';
import { loadExecutor, taskInfo } from '../lazyExecutor';
import type { ModelPicker } from '../modelPicker';
import { RunRefused, type TaskRunner } from '../runTask';
import type { SettingsWatcher } from '../settings';
import type { PanelServices } from './panelServices';

export interface CoreDeps {
  runner: TaskRunner;
  picker: ModelPicker;
  settings: SettingsWatcher;
  log: vscode.LogOutputChannel;
}


/** The error a panel shows: the commands' advice for executor errors, with the field at fault kept. */
async function explain(e: unknown, task: TaskId, model: string, settings: SettingsWatcher): Promise<never> {
  if (e instanceof RunRefused) throw e;
  const executor = await loadExecutor();
  if (!executor.isComponentError(e) || e.code === 'CANCELLED' || e.code === 'INVALID_INPUT') throw e;
  const info = await taskInfo(task);
  const { message } = adviseOnError(e, { taskTitle: info.title, model, availability: info.availability, isCustomEndpoint: settings.current.isCustomEndpoint });
  throw Object.assign(new Error(message), { code: e.code });
}

export function corePanelServices({ runner, picker, settings, log }: CoreDeps): PanelServices {
  return {
    async run(task, { model, ...input }, control) {
      try {
        return (await runner.attempt(task, model, input, control, (executor, request, options) => executor.execute(request, options))).output;
      } catch (e) {
        return explain(e, task, model, settings);
      }
    },
    async stream(task, { model, ...input }, control) {
      try {
        const streamed = await runner.attempt(task, model, input, control, async (executor, request, options) => {
          let text = '';
          for await (const chunk of executor.stream(request, options)) {
            text += chunk.text;
            control.onText(chunk.text);
          }
          return text;
        });
        return streamed.output;
      } catch (e) {
        return explain(e, task, model, settings);
      }
    },
    async searchModels(task, query, signal) {
      return picker.search(await taskInfo(task), query, signal);
    },
    defaultModel: (task) => picker.defaultModel(task),
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
  };
}
