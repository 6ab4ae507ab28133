// What the command handlers share, built once in extension.ts.
import type * as vscode from 'vscode';
import type { TaskInfo } from '../executor';
import type { CommandArgs } from './commandArgs';
import type { InlineResults } from './inlineDecorations';
import type { MediaResults } from './mediaResults';
import type { ModelPicker } from './modelPicker';
import type { RecentModels } from './recentModels';
import type { ResultHistory } from './resultHistory';
import type { TaskRunner } from './runTask';
import type { SettingsWatcher } from './settings';

export interface CommandContext {
  settings: SettingsWatcher;
  runner: TaskRunner;
  picker: ModelPicker;
  inline: InlineResults;
  history: ResultHistory;
  /** Global state, for what prompts remember (zero-shot labels). */
  state: vscode.Memento;
  /** Image and audio results, for their view and actions. */
  media: MediaResults;
  recent: RecentModels;
  log: vscode.LogOutputChannel;
}

/**
 * The model from the command's arguments, or the one the user picks. A custom endpoint
 * serves one model whatever the id says (only chat requests carry it), so the picker
 * would only get in the way there.
 */
export function chooseModel(ctx: CommandContext, task: TaskInfo, args: CommandArgs): Promise<string | undefined> {
  if (args.model) return Promise.resolve(args.model);
  if (ctx.settings.current.isCustomEndpoint && task.transport !== 'chat') return Promise.resolve(ctx.picker.defaultModel(task));
  return ctx.picker.pick(task);
}

/** `{ parameters }` when the command was given any, to spread into a task input. */
export function withParameters(args: CommandArgs, defaults?: Record<string, unknown>): { parameters?: Record<string, unknown> } {
  const parameters = { ...defaults, ...args.parameters };
  return Object.keys(parameters).length ? { parameters } : {};
}
