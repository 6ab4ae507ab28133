// The model picker shown for each run: the configured default, the models used
// lately, and a live Hub search for the task's pipeline tag (debounced; a newer
// search cancels the one before), with downloads and whether it is served. Any
// model id can be typed in.
import * as vscode from 'vscode';
import type { TaskInfo } from '../executor';
import type { ModelHit } from './hub';
import { endpointOnlyNote } from './errorAdvice';
import { compactNumber } from './format';
import type { HubClient } from './hubClient';
import type { RecentModels } from './recentModels';
import type { TokenStore } from './secrets';
import { openSettings, type SettingsWatcher } from './settings';

const SEARCH_DELAY_MS = 250;

interface ModelItem extends vscode.QuickPickItem {
  model?: string;
  /** Opens the custom-endpoint settings instead of picking a model. */
  openEndpointSettings?: boolean;
}

export class ModelPicker {
  constructor(
    private readonly hub: HubClient,
    private readonly tokens: TokenStore,
    private readonly recent: RecentModels,
    private readonly settings: SettingsWatcher,
  ) {}

  defaultModel(task: TaskInfo): string {
    return this.settings.current.defaultModels[task.id] ?? task.defaultModel;
  }

  pick(task: TaskInfo): Promise<string | undefined> {
    const qp = vscode.window.createQuickPick<ModelItem>();
    qp.title = `${task.title}: choose a model`;
    qp.placeholder = 'Type to search the Hugging Face Hub, or enter any model id';
    qp.ignoreFocusOut = true;
    const fixed = this.fixedItems(task);
    let hubItems: ModelItem[] = [];
    let searching: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const render = () => {
      const value = qp.value.trim();
      const known = [...fixed, ...hubItems].some((i) => i.model === value);
      const typed: ModelItem[] = value && !known ? [{ label: value, description: 'use this model id', model: value, alwaysShow: true, iconPath: new vscode.ThemeIcon('edit') }] : [];
      qp.items = [...typed, ...fixed, ...hubItems];
    };
    const search = () => {
      searching?.abort();
      const controller = (searching = new AbortController());
      qp.busy = true;
      void this.searchHub(task, qp.value.trim(), controller.signal).then((items) => {
        if (controller.signal.aborted) return; // A newer search owns the list now.
        hubItems = items;
        qp.busy = false;
        render();
      });
    };

    return new Promise<string | undefined>((resolve) => {
      qp.onDidChangeValue(() => {
        render();
        clearTimeout(timer);
        timer = setTimeout(search, SEARCH_DELAY_MS);
      });
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0];
        if (item?.openEndpointSettings) {
          void openSettings('huggingface.isCustomEndpoint');
          resolve(undefined);
        } else {
          resolve(item?.model ?? (qp.value.trim() || undefined));
        }
        qp.hide();
      });
      qp.onDidHide(() => {
        clearTimeout(timer);
        searching?.abort();
        resolve(undefined);
        qp.dispose();
      });
      render();
      qp.show();
      search();
    });
  }

  private fixedItems(task: TaskInfo): ModelItem[] {
    const s = this.settings.current;
    const items: ModelItem[] = [];
    if (task.availability === 'endpoint' && !s.isCustomEndpoint) {
      items.push({ label: '$(warning) Not served by hf-inference: use a custom endpoint…', detail: endpointOnlyNote(task.title), openEndpointSettings: true, alwaysShow: true });
    }
    const fallback = this.defaultModel(task);
    items.push({ label: fallback, description: s.defaultModels[task.id] ? 'default (your settings)' : 'default', model: fallback, iconPath: new vscode.ThemeIcon('star-full') });
    const recent = this.recent.get(task.id).filter((m) => m !== fallback);
    if (recent.length) {
      items.push({ label: 'recently used', kind: vscode.QuickPickItemKind.Separator });
      items.push(...recent.map((m) => ({ label: m, model: m, iconPath: new vscode.ThemeIcon('history') })));
    }
    return items;
  }

  /** The Hub's models for the task, most downloaded first, marked with whether they are served (also the task panels' search). */
  async search(task: TaskInfo, text: string, signal: AbortSignal): Promise<ModelHit[]> {
    // Chat models are served through the router by any provider; the rest by hf-inference.
    const servedBy = task.availability === 'chat' ? 'all' : 'hf-inference';
    return this.hub.searchModels({ pipelineTag: task.pipelineTag, search: text || undefined, limit: 20, servedBy }, await this.tokens.get(), signal);
  }

  private async searchHub(task: TaskInfo, text: string, signal: AbortSignal): Promise<ModelItem[]> {
    try {
      const hits = await this.search(task, text, signal);
      const items = hits.map((hit) => hubItem(task, hit));
      return [{ label: text ? `Hub: "${text}"` : 'Hub: most downloaded', kind: vscode.QuickPickItemKind.Separator }, ...items];
    } catch (e) {
      if (signal.aborted) return [];
      return [{ label: `Hub search unavailable: ${(e as Error).message}`, kind: vscode.QuickPickItemKind.Separator }];
    }
  }
}

function hubItem(task: TaskInfo, hit: ModelHit): ModelItem {
  const stats = [hit.downloads !== undefined && `$(cloud-download) ${compactNumber(hit.downloads)}`, hit.likes !== undefined && `$(heart) ${compactNumber(hit.likes)}`, hit.gated && '$(lock) gated', hit.private && 'private'];
  return { label: hit.id, description: stats.filter(Boolean).join('  '), detail: servedNote(task, hit.served), model: hit.id, alwaysShow: true };
}

/** Whether the model runs as configured by default: on hf-inference, or on any provider for chat. */
function servedNote(task: TaskInfo, served: boolean | undefined): string | undefined {
  if (served === undefined) return undefined;
  if (task.availability === 'chat') return served ? '$(check) served by an inference provider' : '$(circle-slash) no inference provider serves it';
  return served ? '$(check) served by hf-inference' : '$(circle-slash) not served by hf-inference: needs an endpoint';
}
