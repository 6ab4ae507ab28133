// The latest results, each one click from its full JSON ("Show Details") or from its
// task's panel (with the input it ran on).
import * as vscode from 'vscode';
import { showInfo } from './notify';

interface ResultEntry {
  id: number;
  task: string;
  model: string;
  output: unknown;
  at: string;
  /** Kept for text inputs only: file bytes stay with the media results. */
  input?: Record<string, unknown>;
}

export interface PanelView {
  task: string;
  input: Record<string, unknown>;
  output: unknown;
}

const KEEP = 50;

export class ResultHistory {
  private readonly entries: ResultEntry[] = [];
  private nextId = 1;

  add(task: string, model: string, output: unknown, input?: Record<string, unknown>): number {
    const id = this.nextId++;
    const textOnly = input && !('image' in input || 'audio' in input) && !Object.values(input).some((v) => v instanceof Uint8Array || v instanceof Blob);
    this.entries.push({ id, task, model, output, at: new Date().toISOString(), ...(textOnly && { input }) });
    if (this.entries.length > KEEP) this.entries.shift();
    return id;
  }

  private find(id: number | undefined): ResultEntry | undefined {
    return id === undefined ? this.entries.at(-1) : this.entries.find((e) => e.id === id);
  }

  /** Result `id` (the latest when omitted) with the input it ran on; undefined when gone or run on a file. */
  panelView(id?: number): PanelView | undefined {
    const entry = this.find(id);
    return entry?.input && { task: entry.task, input: { model: entry.model, ...entry.input }, output: entry.output };
  }

  /** A notification about result `id`, with buttons to open it in its task's panel or as JSON. */
  offer(message: string, id: number): void {
    void showInfo(message, 'Open in Panel', 'Show Details').then((choice) => {
      if (choice === 'Open in Panel') void vscode.commands.executeCommand('huggingface.showResultInPanel', id);
      else if (choice) void this.show(id);
    });
  }

  /** Opens result `id` (the latest when omitted) as JSON in a new untitled editor. */
  async show(id?: number): Promise<vscode.TextEditor | undefined> {
    const entry = this.find(id);
    if (!entry) {
      void showInfo(id === undefined ? 'No Hugging Face results yet in this window.' : 'That result is no longer kept; run the task again.');
      return undefined;
    }
    const { task, model, at, output } = entry;
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify({ task, model, at, output }, null, 2) });
    return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }
}
