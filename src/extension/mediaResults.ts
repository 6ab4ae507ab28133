// The results of image and audio runs: shown in a simple read-only view (ranked
// labels, annotated images), and kept for "Save annotated image" (an SVG beside each
// image, never replacing a file without asking), "Copy as JSON" and "Show in Panel".
// The view runs no script: its actions are command links, and only those commands are enabled.
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { TaskId } from '../executor';
import { exists, writeFileAtomically } from './atomicWrite';
import { resultPageHtml, type MediaItemView } from './mediaResultHtml';
import { showError, showInfo, showWarning } from './notify';

export const SAVE_ANNOTATED = 'huggingface.saveAnnotatedImage';
export const COPY_JSON = 'huggingface.copyResultJson';
/** Registered with the panels (mediaPanel.ts); linked from here. */
const SHOW_IN_PANEL = 'huggingface.showMediaInPanel';
const VIEW_TYPE = 'huggingface.mediaResult';
/** Results kept for the actions (views still open are always kept). */
const KEEP = 20;

export interface MediaItem {
  uri: vscode.Uri;
  name: string;
  output?: unknown;
  error?: string;
  /** The annotated image (detection, segmentation). */
  svg?: string;
}

export interface MediaResult {
  task: TaskId;
  taskTitle: string;
  model: string;
  items: MediaItem[];
}

/** A run's result for people and programs: one file's output as the spec gives it; several as a list. */
export function resultValue(result: MediaResult): unknown {
  if (result.items.length === 1 && result.items[0].output !== undefined) return result.items[0].output;
  return result.items.map((i) => ({ file: vscode.workspace.asRelativePath(i.uri), ...(i.output !== undefined ? { output: i.output } : { error: i.error }) }));
}

function itemView(task: TaskId, item: MediaItem, links: MediaItemView['links']): MediaItemView {
  const view: MediaItemView = { name: item.name, links, ...(item.error !== undefined ? { error: item.error } : {}), ...(item.svg ? { svg: item.svg } : {}) };
  const output = item.output as { classes?: MediaItemView['classes']; objects?: MediaItemView['objects']; segments?: MediaItemView['segments'] } | undefined;
  if (!output) return view;
  if (task === 'TASK_OBJECT_DETECTION') return { ...view, objects: output.objects ?? [] };
  if (task === 'TASK_IMAGE_SEGMENTATION') return { ...view, segments: output.segments ?? [] };
  return { ...view, classes: output.classes ?? [] };
}

const commandLink = (command: string, ...args: number[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;

/** `cat.png` → `cat.annotated.svg`, beside it. */
export function annotatedUri(image: vscode.Uri): vscode.Uri {
  const base = posix.basename(image.path);
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return image.with({ path: posix.join(posix.dirname(image.path), `${stem}.annotated.svg`) });
}

export class MediaResults implements vscode.Disposable {
  private readonly results = new Map<number, MediaResult>();
  private readonly panels = new Map<number, { panel: vscode.WebviewPanel; html: string }>();
  private nextId = 1;
  private activeView: number | undefined;

  add(result: MediaResult): number {
    const id = this.nextId++;
    this.results.set(id, result);
    for (const old of this.results.keys()) {
      if (this.results.size <= KEEP) break;
      if (!this.panels.has(old)) this.results.delete(old);
    }
    return id;
  }

  /** Opens the read-only view of result `id` beside the editor. */
  show(id: number): void {
    const result = this.results.get(id);
    if (!result) return;
    const { taskTitle, model, items } = result;
    const failed = items.filter((i) => i.error !== undefined).length;
    const title = items.length === 1 ? `${taskTitle}: ${items[0].name}` : `${taskTitle}: ${items.length} files`;
    const hasSvg = items.some((i) => i.svg);
    const actions = [
      ...(hasSvg ? [{ label: items.filter((i) => i.svg).length > 1 ? 'Save annotated images' : 'Save annotated image', href: commandLink(SAVE_ANNOTATED, id) }] : []),
      { label: 'Copy as JSON', href: commandLink(COPY_JSON, id) },
    ];
    const html = resultPageHtml({
      title,
      subtitle: `Model: ${model}${items.length > 1 ? ` · ${items.length} files` : ''}${failed ? ` · ${failed} failed` : ''}`,
      items: items.map((item, i) => itemView(result.task, item, item.output !== undefined ? [{ label: 'Show in Panel', href: commandLink(SHOW_IN_PANEL, id, i) }] : [])),
      actions,
      nonce: randomBytes(16).toString('base64'),
    });
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, enableCommandUris: [SAVE_ANNOTATED, COPY_JSON, SHOW_IN_PANEL], localResourceRoots: [] });
    panel.webview.html = html;
    this.panels.set(id, { panel, html });
    this.activeView = id;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.activeView = id;
    });
    panel.onDidDispose(() => {
      this.panels.delete(id);
      if (this.activeView === id) this.activeView = undefined;
    });
  }

  /** Result `id`, else the one in the active view, else the latest one (with annotated images, when `annotated`). */
  private find(id: unknown, annotated = false): [number, MediaResult] | undefined {
    const wanted = typeof id === 'number' ? id : this.activeView;
    const given = wanted === undefined ? undefined : this.results.get(wanted);
    if (given) return [wanted!, given];
    if (typeof id === 'number') return undefined;
    const latest = [...this.results.entries()].reverse().find(([, r]) => !annotated || r.items.some((i) => i.svg));
    return latest;
  }

  /** File `index` of result `id` (found as `find` does); without an index, the first with an output. */
  item(id?: unknown, index?: unknown): { result: MediaResult; item: MediaItem } | undefined {
    const result = this.find(id)?.[1];
    const item = typeof index === 'number' ? result?.items[index] : result?.items.find((i) => i.output !== undefined);
    if (!result || item?.output === undefined) {
      void showInfo('No image or audio result to show; run a task on a file first.');
      return undefined;
    }
    return { result, item };
  }

  /** `huggingface.copyResultJson`: the result as JSON on the clipboard; resolves with that JSON. */
  async copyJson(id?: unknown): Promise<string | undefined> {
    const found = this.find(id);
    if (!found) {
      void showInfo('No image or audio result to copy; run a task on a file first.');
      return undefined;
    }
    const json = JSON.stringify(resultValue(found[1]), null, 2);
    await vscode.env.clipboard.writeText(json);
    void showInfo(`Copied the ${found[1].taskTitle} result as JSON.`);
    return json;
  }

  /**
   * `huggingface.saveAnnotatedImage`: writes `<name>.annotated.svg` beside each image
   * of the result. An existing file is replaced only when the user agrees (or
   * `overwrite: true` is given; `overwrite: false` keeps it). Resolves with the files written.
   */
  async saveAnnotated(id?: unknown, options?: unknown): Promise<string[] | undefined> {
    const found = this.find(id, true);
    const items = found?.[1].items.filter((i) => i.svg) ?? [];
    if (!items.length) {
      void showInfo('No annotated image to save; run Detect Objects or Segment Image on an image first.');
      return undefined;
    }
    const overwrite = (options as { overwrite?: unknown } | undefined)?.overwrite;
    const targets = items.map((i) => ({ item: i, uri: annotatedUri(i.uri) }));
    const existing = (await Promise.all(targets.map(async (t) => ((await exists(t.uri)) ? t : undefined)))).filter((t) => t !== undefined);
    let replace = overwrite === true;
    if (existing.length && overwrite === undefined) {
      const names = existing.map((t) => posix.basename(t.uri.path)).join(', ');
      const choice = await showWarning(`${names} already ${existing.length > 1 ? 'exist' : 'exists'}. Replace ${existing.length > 1 ? 'them' : 'it'}?`, { modal: true }, 'Replace');
      replace = choice === 'Replace';
    }
    const written: string[] = [];
    for (const t of targets) {
      if (existing.includes(t) && !replace) continue;
      try {
        await writeFileAtomically(t.uri, new TextEncoder().encode(t.item.svg));
        written.push(t.uri.toString());
      } catch (e) {
        void showError(`Could not save ${posix.basename(t.uri.path)}: ${(e as Error).message}.`);
      }
    }
    if (written.length) {
      const first = vscode.Uri.parse(written[0]);
      const shown = written.length === 1 ? posix.basename(first.path) : `${written.length} annotated images`;
      void showInfo(`Saved ${shown}.`, 'Reveal in Explorer').then((c) => c && vscode.commands.executeCommand('revealInExplorer', first));
    }
    return written;
  }

  /** What the open views show (for tests and troubleshooting). */
  describe(): { id: number; title: string; html: string }[] {
    return [...this.panels.entries()].map(([id, v]) => ({ id, title: v.panel.title, html: v.html }));
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    this.panels.clear();
    this.results.clear();
  }
}
