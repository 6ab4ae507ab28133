// The component-file features' view of the extension core: the connection from the
// settings, the token flow, the executor with the user's timeouts, proxy and headers
// (the same ones every command uses), the core's error advice, and where results go.
import type * as vscode from 'vscode';
import type { ComponentServices } from './componentEditor';
import type { ErrorReporter } from './errorActions';
import { adviseOnError } from './errorAdvice';
import { loadExecutor } from './lazyExecutor';
import type { Network } from './network';
import type { SettingsWatcher } from './settings';

export interface CoreParts {
  settings: SettingsWatcher;
  network: Network;
  log: vscode.LogOutputChannel;
  errors: ErrorReporter;
  tokenForRun: () => Promise<string | undefined>;
  showResult: ComponentServices['showResult'];
}

export function componentServices(core: CoreParts): ComponentServices {
  const { settings, network, log, errors } = core;
  return {
    log,
    tokenForRun: core.tokenForRun,
    showResult: core.showResult,
    setup: () => ({ base_url: settings.current.baseUrl, is_custom_endpoint: settings.current.isCustomEndpoint }),
    maxFileBytes: () => settings.current.maxMediaBytes,
    execute: async (request, signal, onStatus) => {
      const executor = await loadExecutor();
      const s = settings.current;
      return executor.execute(request, { signal, onStatus, timeoutMs: s.requestTimeoutMs, maxWaitMs: s.maxWaitMs, dispatcher: await network.dispatcher(), headers: { ...network.headers } });
    },
    reportError: (error, task, model) => {
      void loadExecutor().then((executor) => {
        const info = executor.findTask(task);
        errors.show(adviseOnError(error, { taskTitle: info?.title ?? task, model, availability: info?.availability ?? 'served', isCustomEndpoint: settings.current.isCustomEndpoint }));
      });
    },
  };
}
