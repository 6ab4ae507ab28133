// Brings task panels back after a window reload. The webview's saved state names
// its task; a state that does not name one of the 17 tasks closes the panel.
import * as vscode from 'vscode';
import type { PanelState } from '../../shared/panelState';
import { TaskPanel, type PanelDeps } from './taskPanel';

export class TaskPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly deps: PanelDeps) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    // The state is the webview's own (panelState.ts), written by script that also renders model output: trust only a task id.
    const taskId = state && typeof state === 'object' ? (state as Partial<PanelState>).task : undefined;
    const task = (await this.deps.loadExecutor()).findTask(taskId);
    if (!task) {
      this.deps.services.log.warn('A task panel could not be restored: its saved state names no task.');
      panel.dispose();
      return;
    }
    TaskPanel.revive(this.deps, panel, task);
  }
}
