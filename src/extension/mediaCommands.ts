// Image and audio tasks on workspace files: the files given (the explorer passes the
// one clicked and the whole selection; automation `{ uri }` or `{ uris }`), else the
// active editor's file, else ones the user picks. Files of the wrong kind or over the
// size limit are refused before anything is read or a model asked for; the rest run
// with bounded concurrency under one progress notification. Labels, boxes and masks
// open in one read-only view; captions and transcripts go to a new editor or the cursor.
import * as vscode from 'vscode';
import type { TaskId, TaskOutputs } from '../executor';
import { detectionSvg, segmentationSvg, type Detection, type SegmentMask } from './annotation';
import { parseCommandArgs, type CommandArgs } from './commandArgs';
import { chooseModel, type CommandContext } from './commandContext';
import type { FileOutcome } from './fileBatch';
import { logOutcomes, runOverFiles } from './filesProgress';
import { taskInfo } from './lazyExecutor';
import { extensionsOf, mediaKindOf, type MediaKind } from './mediaFiles';
import { checkedSize, fileName, MediaFileError, mediaBytes, readMediaFile } from './mediaReader';
import { resultValue, type MediaItem } from './mediaResults';
import type { RunSession } from './runTask';
import { chooseTextTarget, deliverText, releaseTextTarget } from './textDestination';
import { combinedText, type TextOutput } from './transcript';
import { showWarning } from './notify';

export type MediaTask = 'TASK_IMAGE_CLASSIFICATION' | 'TASK_IMAGE_SEGMENTATION' | 'TASK_OBJECT_DETECTION' | 'TASK_IMAGE_TO_TEXT' | 'TASK_SPEECH_RECOGNITION' | 'TASK_AUDIO_CLASSIFICATION';

const TEXT_TASKS: readonly TaskId[] = ['TASK_IMAGE_TO_TEXT', 'TASK_SPEECH_RECOGNITION'];

/** One file's run: the spec's output, and the annotated image for detection and segmentation. */
interface FileResult {
  output: unknown;
  svg?: string;
}

export async function runMediaTask<T extends MediaTask>(ctx: CommandContext, taskId: T, commandArgs: unknown[]): Promise<TaskOutputs[T] | unknown[] | undefined> {
  const task = await taskInfo(taskId);
  const kind = task.mediaField ?? 'image';
  const { uris, args } = mediaArgs(commandArgs);
  const given = uris.length ? uris : activeFile(kind) ?? (await pickFiles(kind));
  if (!given.length) return undefined;
  const files = await acceptable(given, kind, ctx.settings.current.maxMediaBytes);
  if (!files.length) return undefined;

  const isText = TEXT_TASKS.includes(taskId);
  const model = await chooseModel(ctx, task, args);
  if (!model) return undefined;
  // The cursor is taken now, before the run, so the text lands where the user was.
  const target = isText ? await chooseTextTarget(args.destination) : undefined;
  if (isText && !target) return undefined;
  const session = await ctx.runner.prepare(taskId);
  if (!session) {
    releaseTextTarget(target);
    return undefined;
  }

  const title = `Hugging Face: ${task.title} (${model})${files.length > 1 ? ` on ${files.length} files` : ''}`;
  const run = await runOverFiles(ctx.runner, session, title, files, ctx.settings.current.batchConcurrency, (file, signal, status) => runOne(ctx, session, model, file, signal, status));
  logOutcomes(ctx.log, `${task.title} with ${model}`, run, (uri) => vscode.workspace.asRelativePath(uri));
  // Files the cancel stopped are left out; the ones that finished are kept.
  const items = run.outcomes.flatMap((o) => (o.status === 'cancelled' ? [] : [toItem(o)]));
  const ok = items.filter((i) => i.output !== undefined);
  if (!ok.length) {
    releaseTextTarget(target);
    const failure = run.outcomes.find((o) => o.status === 'failed');
    if (failure?.status === 'failed' && !run.cancelled) showFailure(ctx, session, model, failure.thrown);
    return undefined;
  }

  const result = { task: taskId, taskTitle: task.title, model, items };
  const id = ctx.media.add(result);
  for (const o of ok) ctx.history.add(taskId, model, o.output);
  void ctx.recent.add(taskId, model);
  if (target) await deliverText(target, combinedText(items.map((i) => ({ name: i.name, output: i.output as TextOutput | undefined, error: i.error }))), task.title);
  else ctx.media.show(id);
  return resultValue(result) as TaskOutputs[T] | unknown[];
}

async function runOne(ctx: CommandContext, session: RunSession, model: string, uri: vscode.Uri, signal: AbortSignal | undefined, status: (message: string) => void): Promise<FileResult> {
  const kind = session.task.mediaField ?? 'image';
  const file = await readMediaFile(uri, kind, ctx.settings.current.maxMediaBytes, session.executor.sniffMediaType);
  const options = await session.options(signal, (s) => status(s.message));
  const output = await session.executor.execute(session.request(model, { [kind]: file.data }), options);
  if (session.task.id === 'TASK_OBJECT_DETECTION') {
    return { output, svg: detectionSvg({ bytes: await mediaBytes(file), contentType: file.contentType }, (output as { objects: Detection[] }).objects) };
  }
  if (session.task.id === 'TASK_IMAGE_SEGMENTATION') {
    return { output, svg: segmentationSvg({ bytes: await mediaBytes(file), contentType: file.contentType }, (output as { segments: SegmentMask[] }).segments) };
  }
  return { output };
}

function toItem(o: Exclude<FileOutcome<vscode.Uri, FileResult>, { status: 'cancelled' }>): MediaItem {
  const base = { uri: o.file, name: fileName(o.file) };
  if (o.status === 'ok') return { ...base, output: o.output.output, ...(o.output.svg ? { svg: o.output.svg } : {}) };
  return { ...base, error: o.error };
}

/** A refused file is a plain warning; a failed request gets the run's error advice. */
function showFailure(ctx: CommandContext, session: RunSession, model: string, thrown: unknown): void {
  if (thrown instanceof MediaFileError) void showWarning(thrown.message);
  else ctx.runner.showError(session, model, thrown);
}

/** The files of the right kind within the size limit (nothing is read); the others are named in one warning. */
async function acceptable(uris: readonly vscode.Uri[], kind: MediaKind, maxBytes: number): Promise<vscode.Uri[]> {
  const refused: string[] = [];
  const accepted: vscode.Uri[] = [];
  for (const uri of uris) {
    if (mediaKindOf(uri.path) !== kind) {
      refused.push(`${fileName(uri)} is not ${kind === 'image' ? 'an image' : 'an audio file'} (${extensionsOf(kind).join(', ')}).`);
      continue;
    }
    try {
      await checkedSize(uri, maxBytes);
      accepted.push(uri);
    } catch (e) {
      if (!(e instanceof MediaFileError)) throw e;
      refused.push(e.message);
    }
  }
  if (refused.length) void showWarning(`${refused.join(' ')}${accepted.length ? ` Running on the other ${accepted.length}.` : ''}`);
  return accepted;
}

const toUri = (v: unknown) => (v instanceof vscode.Uri ? v : typeof v === 'string' ? vscode.Uri.parse(v) : undefined);

/**
 * `(uri, uris[])` from the explorer (the selection, which holds the clicked file), `(uri)`,
 * `(uri, options)` or `(uri, uris[], options)`, or `({ uri | uris, ...options })` from automation.
 */
export function mediaArgs(list: readonly unknown[]): { uris: vscode.Uri[]; args: CommandArgs } {
  const [first, second, third] = list;
  if (first instanceof vscode.Uri) {
    const selection = Array.isArray(second) ? second.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
    return { uris: selection.length ? selection : [first], args: parseCommandArgs(Array.isArray(second) ? third : second) };
  }
  const given = (first ?? {}) as { uri?: unknown; uris?: unknown };
  const uris = Array.isArray(given.uris) ? given.uris.map(toUri) : [toUri(given.uri)];
  return { uris: uris.filter((u): u is vscode.Uri => u !== undefined), args: parseCommandArgs(first) };
}

/** The file shown in the active tab (an image preview, say) when it is of the right kind. */
function activeFile(kind: MediaKind): vscode.Uri[] | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
  return uri && mediaKindOf(uri.path) === kind ? [uri] : undefined;
}

async function pickFiles(kind: MediaKind): Promise<vscode.Uri[]> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: kind === 'image' ? 'Use Images' : 'Use Audio',
    filters: kind === 'image' ? { Images: extensionsOf('image') } : { Audio: extensionsOf('audio') },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked ?? [];
}
