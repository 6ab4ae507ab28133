// The latest results, each one click from its full JSON ("Show Details").
import * as vscode from 'vscode';
import { showInfo } from './notify';

interface ResultEntry {
  id: number;
  task: string;
  model: string;
  output: unknown;
  at: string;
}

const KEEP = 50;

export class ResultHistory {
  private readonly entries: ResultEntry[] = [];
  private nextId = 1;

  add(task: string, model: string, output: unknown): number {
    const id = this.nextId++;
    this.entries.push({ id, task, model, output, at: new Date().toISOString() });
    if (this.entries.length > KEEP) this.entries.shift();
    return id;
  }

  /** Opens result `id` (the latest when omitted) as JSON in a new untitled editor. */
  async show(id?: number): Promise<vscode.TextEditor | undefined> {
    const entry = id === undefined ? this.entries.at(-1) : this.entries.find((e) => e.id === id);
    if (!entry) {
      void showInfo(id === undefined ? 'No Hugging Face results yet in this window.' : 'That result is no longer kept; run the task again.');
      return undefined;
    }
    const { task, model, at, output } = entry;
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify({ task, model, at, output }, null, 2) });
    return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }
}
