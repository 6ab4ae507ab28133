// The models a user ran lately, per task (global state: the same across workspaces).
import type * as vscode from 'vscode';

const KEY = 'huggingface.recentModels';
const KEEP = 5;

export class RecentModels {
  constructor(private readonly state: vscode.Memento) {}

  get(task: string): string[] {
    return this.state.get<Record<string, string[]>>(KEY, {})[task] ?? [];
  }

  async add(task: string, model: string): Promise<void> {
    const all = this.state.get<Record<string, string[]>>(KEY, {});
    const list = [model, ...(all[task] ?? []).filter((m) => m !== model)].slice(0, KEEP);
    await this.state.update(KEY, { ...all, [task]: list });
  }
}
