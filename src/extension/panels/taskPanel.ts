// One webview panel per task: it sends the webview the task's schema, runs the
// task through PanelServices when asked, and answers the webview's requests.
// Every message from the webview is checked by parseWebviewMessage first;
// anything else is logged and dropped.
import * as vscode from 'vscode';
import type { TaskId, TaskInfo } from '../../executor';
import { parseWebviewMessage } from '../../shared/messageGuards';
import { PANEL_VIEW_TYPE, type HostToWebview, type PanelInput, type Prefill, type RequestMessage, type Responses, type WebviewToHost } from '../../shared/protocol';
import type { Executor } from '../lazyExecutor';
import type { EditorBridge } from './editorBridge';
import { panelHtml, panelResourceRoots } from './panelHtml';
import { streamedOutput, toTaskInput } from './panelInput';
import type { PanelServices } from './panelServices';


export interface PanelDeps {
  extensionUri: vscode.Uri;
  services: PanelServices;
  editor: EditorBridge;
  loadExecutor(): Promise<Executor>;
}

/** Runs one panel may have going at once (a forged flood of `run` messages gets no more). */
const MAX_RUNS = 4;
const SEARCH_TIMEOUT_MS = 15_000;

export class TaskPanel {
  private static readonly open = new Map<TaskId, TaskPanel>();

  private ready = false;
  private disposed = false;
  private pending: Prefill | undefined;
  private readonly runs = new Map<number, AbortController>();
  private search: AbortController | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * Shows the task's panel (creating it if needed), optionally filled with an input and its result;
   * `preserveFocus` leaves the focus where it is (results shown for another command).
   */
  static async createOrShow(deps: PanelDeps, taskId: TaskId, prefill?: Prefill, preserveFocus = false): Promise<TaskPanel> {
    const existing = TaskPanel.open.get(taskId);
    if (existing) {
      existing.panel.reveal(undefined, preserveFocus);
      if (prefill) existing.show(prefill);
      return existing;
    }
    const task = (await deps.loadExecutor()).findTask(taskId);
    if (!task) throw new Error(`Unknown task ${taskId}`);
    // Beside the editor when there is one, so its selection and the panel are both in view.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, task.title, { viewColumn: column, preserveFocus }, panelOptions(deps.extensionUri));
    const created = new TaskPanel(deps, panel, task);
    if (prefill) created.show(prefill);
    return created;
  }

  /** A panel VS Code restored after a reload; its webview restores its own state. */
  static revive(deps: PanelDeps, panel: vscode.WebviewPanel, task: TaskInfo): TaskPanel {
    panel.webview.options = { enableScripts: true, localResourceRoots: panelResourceRoots(deps.extensionUri) };
    TaskPanel.open.get(task.id)?.panel.dispose();
    return new TaskPanel(deps, panel, task);
  }

  private constructor(
    private readonly deps: PanelDeps,
    private readonly panel: vscode.WebviewPanel,
    private readonly task: TaskInfo,
  ) {
    TaskPanel.open.set(task.id, this);
    panel.title = task.title;
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri, `Hugging Face: ${task.title}`);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
  }

  /** Fills the panel with an input (and a result), now or as soon as the webview is ready. */
  show(prefill: Prefill): void {
    if (this.ready) this.post({ type: 'show', prefill });
    else this.pending = prefill;
  }

  private post(message: HostToWebview): void {
    // A panel closed meanwhile (a run finishing after it) just drops the message.
    if (this.disposed) return;
    void this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.services.log.warn(`Task panel ${this.task.id}: ignored a message that does not follow the protocol (${parsed.reason}).`);
      return;
    }
    this.handle(parsed.message).catch((e: unknown) => this.deps.services.log.warn(`Task panel ${this.task.id}: ${(e as Error)?.message ?? String(e)}`));
  }

  private async handle(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.init();
      case 'run':
        return this.run(message.id, message.input);
      case 'cancel':
        this.runs.get(message.id)?.abort();
        return;
      default:
        return this.answer(message);
    }
  }

  private async init(): Promise<void> {
    const executor = await this.deps.loadExecutor();
    const schema = executor.getTaskSchemas(this.task.id).input;
    const prefill = this.pending;
    this.pending = undefined;
    this.ready = true;
    this.post({ type: 'init', task: { ...this.task, defaultModel: this.deps.services.defaultModel(this.task) }, schema, ...(prefill ? { prefill } : {}) });
  }

  private async run(id: number, panelInput: PanelInput): Promise<void> {
    if (this.runs.has(id) || this.runs.size >= MAX_RUNS) {
      this.deps.services.log.warn(`Task panel ${this.task.id}: ignored run ${id} (already running or too many runs).`);
      return;
    }
    const controller = new AbortController();
    this.runs.set(id, controller);
    const started = Date.now();
    try {
      const executor = await this.deps.loadExecutor();
      const input = toTaskInput(this.task, panelInput);
      const [problem] = executor.validateInput(this.task.id, input);
      if (problem) {
        this.post({ type: 'runError', id, message: problem.message, field: problem.field, code: 'INVALID_INPUT', cancelled: false });
        return;
      }
      const opts = { signal: controller.signal, onStatus: (s: { message: string; waitMs?: number }) => this.post({ type: 'status', id, message: s.message, ...(s.waitMs !== undefined ? { waitMs: s.waitMs } : {}) }) };
      let output: unknown;
      if (this.task.streams) {
        const text = await this.deps.services.stream(this.task.id, input, { ...opts, onText: (delta) => this.post({ type: 'delta', id, text: delta }) });
        output = streamedOutput(this.task, input, text);
      } else {
        output = await this.deps.services.run(this.task.id, input, opts);
      }
      this.post({ type: 'result', id, output, durationMs: Date.now() - started });
    } catch (e) {
      const err = e as { message?: unknown; code?: unknown; field?: unknown };
      const cancelled = controller.signal.aborted || err?.code === 'CANCELLED';
      this.post({
        type: 'runError',
        id,
        message: cancelled ? 'Cancelled.' : typeof err?.message === 'string' ? err.message : 'The run failed.',
        ...(typeof err?.code === 'string' ? { code: err.code } : {}),
        ...(typeof err?.field === 'string' ? { field: err.field } : {}),
        cancelled,
      });
    } finally {
      this.runs.delete(id);
    }
  }

  private async answer(request: RequestMessage): Promise<void> {
    const body = await this.respond(request);
    this.post({ type: 'response', id: request.id, body });
  }

  private async respond(request: RequestMessage): Promise<Responses[keyof Responses]> {
    const { editor, services } = this.deps;
    switch (request.type) {
      case 'validate': {
        const executor = await this.deps.loadExecutor();
        return { problems: executor.validateInput(this.task.id, toTaskInput(this.task, request.input)) };
      }
      case 'pickFile': {
        if (!this.task.mediaField) return { error: 'This task takes no file.' };
        const executor = await this.deps.loadExecutor();
        return editor.pickMedia(this.task.mediaField, executor.sniffMediaType).catch((e: Error) => ({ error: `Could not read the file: ${e.message}` }));
      }
      case 'useSelection':
        return editor.selection();
      case 'insert':
        return editor.insert(request.text).catch((e: Error) => ({ ok: false, message: e.message }));
      case 'copy':
        return editor.copy(request.text).then(
          () => ({ ok: true, message: 'Copied.' }),
          (e: Error) => ({ ok: false, message: e.message }),
        );
      case 'searchModels': {
        // A newer search supersedes the one still waiting.
        this.search?.abort();
        const controller = new AbortController();
        this.search = controller;
        const timer = setTimeout(() => controller.abort(), SEARCH_TIMEOUT_MS);
        try {
          return { models: await services.searchModels(this.task.id, request.query, controller.signal) };
        } catch (e) {
          return { models: [], error: controller.signal.aborted ? 'Search cancelled.' : `Model search failed: ${(e as Error)?.message ?? e}` };
        } finally {
          clearTimeout(timer);
        }
      }
    }
  }

  private dispose(): void {
    this.disposed = true;
    if (TaskPanel.open.get(this.task.id) === this) TaskPanel.open.delete(this.task.id);
    for (const run of this.runs.values()) run.abort();
    this.search?.abort();
    for (const d of this.disposables) d.dispose();
  }

  /** Closes every panel (deactivation). */
  static disposeAll(): void {
    for (const p of [...TaskPanel.open.values()]) p.panel.dispose();
  }
}

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: panelResourceRoots(extensionUri),
    enableFindWidget: true,
    // Runs keep streaming into a panel while the user is back in the editor.
    retainContextWhenHidden: true,
  };
}
