// PanelServices straight over the executor, with the setup read from the user's
// settings and the token from SecretStorage. The extension core's run helper
// replaces this when it is wired in (progress, proxies, error advice).
import * as vscode from 'vscode';
import type { Setup } from '../../executor';
import type { ModelHit } from '../../shared/protocol';
import type { PanelServices } from './panelServices';

const loadExecutor = () => import('../../executor');

export function executorPanelServices(context: vscode.ExtensionContext): PanelServices {
  const channel = vscode.window.createOutputChannel('Hugging Face Task Panels', { log: true });
  context.subscriptions.push(channel);
  const config = () => vscode.workspace.getConfiguration('huggingface');
  const setup = async (): Promise<Setup> => ({
    api_key: (await context.secrets.get('huggingface.token')) ?? '',
    base_url: config().get<string>('baseUrl') || 'https://router.huggingface.co/hf-inference',
    is_custom_endpoint: config().get<boolean>('isCustomEndpoint') === true,
  });
  const defaults = new Map<string, string>();
  void loadExecutor().then((e) => e.TASK_TABLE.forEach((t) => defaults.set(t.id, t.defaultModel)));

  return {
    async run(task, input, { signal, onStatus }) {
      const executor = await loadExecutor();
      return executor.execute({ task, setup: await setup(), input }, { signal, onStatus });
    },
    async *stream(task, input, { signal, onStatus }) {
      const executor = await loadExecutor();
      yield* executor.stream({ task, setup: await setup(), input }, { signal, onStatus });
    },
    async searchModels(task, query, signal): Promise<ModelHit[]> {
      const executor = await loadExecutor();
      const hub = (config().get<string>('hubUrl') || 'https://huggingface.co').replace(/\/+$/, '');
      const url = new URL(`${hub}/api/models`);
      url.searchParams.set('pipeline_tag', executor.findTask(task)?.pipelineTag ?? '');
      url.searchParams.set('sort', 'downloads');
      url.searchParams.set('limit', '20');
      if (query.trim()) url.searchParams.set('search', query.trim());
      const res = await fetch(url, { signal });
      if (!res.ok) throw new Error(`the Hub answered ${res.status}`);
      const items = (await res.json()) as { id?: unknown; downloads?: unknown }[];
      return (Array.isArray(items) ? items : []).filter((m) => typeof m.id === 'string').map((m) => ({ id: m.id as string, ...(typeof m.downloads === 'number' ? { downloads: m.downloads } : {}) }));
    },
    defaultModel: (task) => defaults.get(task) ?? '',
    log: { info: (m) => channel.info(m), warn: (m) => channel.warn(m) },
  };
}
