// Image and audio tasks on a workspace file: the file given as the argument (explorer,
// automation), else the active editor's file, else one the user picks. Files are read
// through vscode.workspace.fs, so remote and virtual workspaces work. Results open as a
// Markdown report for now (the media issue brings richer views).
import * as vscode from 'vscode';
import type { TaskOutputs } from '../executor';
import { parseCommandArgs, type CommandArgs } from './commandArgs';
import { chooseModel, type CommandContext } from './commandContext';
import { openUntitled } from './editorResults';
import { AUDIO_EXTENSIONS, IMAGE_EXTENSIONS, mediaKindOf, mediaReport } from './mediaReport';
import { taskInfo } from './lazyExecutor';

export type MediaTask = 'TASK_IMAGE_CLASSIFICATION' | 'TASK_IMAGE_SEGMENTATION' | 'TASK_OBJECT_DETECTION' | 'TASK_IMAGE_TO_TEXT' | 'TASK_SPEECH_RECOGNITION' | 'TASK_AUDIO_CLASSIFICATION';

const MAX_MEDIA_BYTES = 30 * 1024 * 1024;

export async function runMediaTask<T extends MediaTask>(ctx: CommandContext, taskId: T, commandArgs: unknown[]): Promise<TaskOutputs[T] | undefined> {
  const task = await taskInfo(taskId);
  const kind = task.mediaField ?? 'image';
  const { uri, args } = mediaArgs(commandArgs);
  const file = uri ?? activeFile(kind) ?? (await pickFile(kind));
  if (!file) return undefined;
  const name = file.path.split('/').pop() ?? file.path;
  if (mediaKindOf(file.path) !== kind) {
    void vscode.window.showWarningMessage(`${task.title} needs ${kind === 'image' ? 'an image' : 'an audio file'} (${(kind === 'image' ? IMAGE_EXTENSIONS : AUDIO_EXTENSIONS).join(', ')}); ${name} is not one.`);
    return undefined;
  }
  const { size } = await vscode.workspace.fs.stat(file);
  if (size > MAX_MEDIA_BYTES) {
    void vscode.window.showWarningMessage(`${name} is ${(size / 1024 / 1024).toFixed(1)} MB; ${task.title} takes files up to ${MAX_MEDIA_BYTES / 1024 / 1024} MB.`);
    return undefined;
  }
  const model = await chooseModel(ctx, task, args);
  if (!model) return undefined;
  const bytes = await vscode.workspace.fs.readFile(file);
  const result = await ctx.runner.execute(taskId, model, { [kind]: bytes });
  if (!result) return undefined;
  await openUntitled(mediaReport(task.title, name, model, result.output), 'markdown');
  return result.output;
}

/** `(uri)`, `(uri, uris[])` from the explorer, `(uri, options)` or `({ uri, ...options })` from automation. */
function mediaArgs(list: unknown[]): { uri?: vscode.Uri; args: CommandArgs } {
  const [first, second] = list;
  if (first instanceof vscode.Uri) return { uri: first, args: parseCommandArgs(second) };
  const given = (first ?? {}) as { uri?: unknown };
  const uri = given.uri instanceof vscode.Uri ? given.uri : typeof given.uri === 'string' ? vscode.Uri.parse(given.uri) : undefined;
  return { ...(uri && { uri }), args: parseCommandArgs(first) };
}

/** The file shown in the active tab (an image preview, say) when it is of the right kind. */
function activeFile(kind: 'image' | 'audio'): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
  return uri && mediaKindOf(uri.path) === kind ? uri : undefined;
}

async function pickFile(kind: 'image' | 'audio'): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: kind === 'image' ? 'Use Image' : 'Use Audio',
    filters: kind === 'image' ? { Images: IMAGE_EXTENSIONS } : { Audio: AUDIO_EXTENSIONS },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}
