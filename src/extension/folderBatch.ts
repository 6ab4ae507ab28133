// Folder batches: "Classify Images in Folder…", "Caption Images in Folder…",
// "Transcribe Audio in Folder…". Every matching file under the folder (files.exclude
// respected) runs with bounded concurrency under a cancellable progress notification;
// a failing file does not stop the others, and cancelling keeps what finished. The
// table (CSV or JSON) is written beside the folder atomically, then opened.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { TaskId } from '../executor';
import { writeFileAtomically } from './atomicWrite';
import { reportCsv, reportJson, reportRow, type ReportKind } from './batchReport';
import { parseCommandArgs } from './commandArgs';
import { chooseModel, type CommandContext } from './commandContext';
import { countOutcomes } from './fileBatch';
import { logOutcomes, runOverFiles } from './filesProgress';
import { taskInfo } from './lazyExecutor';
import { mediaGlob, type MediaKind } from './mediaFiles';
import { readMediaFile } from './mediaReader';
import { showError, showInfo, showWarning } from './notify';

export interface FolderCommand {
  command: string;
  task: TaskId;
  kind: MediaKind;
  report: ReportKind;
  /** In the report's name: `<folder>.<slug>.csv`. */
  slug: string;
  /** "Classified 48 of 50 images". */
  verb: string;
}

export const FOLDER_COMMANDS: readonly FolderCommand[] = [
  { command: 'huggingface.classifyImagesInFolder', task: 'TASK_IMAGE_CLASSIFICATION', kind: 'image', report: 'classification', slug: 'classify-images', verb: 'Classified' },
  { command: 'huggingface.captionImagesInFolder', task: 'TASK_IMAGE_TO_TEXT', kind: 'image', report: 'text', slug: 'caption-images', verb: 'Captioned' },
  { command: 'huggingface.transcribeAudioInFolder', task: 'TASK_SPEECH_RECOGNITION', kind: 'audio', report: 'text', slug: 'transcribe-audio', verb: 'Transcribed' },
];

export interface BatchSummary {
  /** The report written (a URI string); empty when it could not be written (it opened unsaved instead). */
  report: string;
  total: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

/** The folder: the explorer's, `{ folder }` from automation, else one the user picks. */
async function folderOf(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const given = (arg as { folder?: unknown } | undefined)?.folder;
  if (given instanceof vscode.Uri) return given;
  if (typeof given === 'string') return vscode.Uri.parse(given);
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Run on This Folder', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
  return picked?.[0];
}

export async function runFolderBatch(ctx: CommandContext, spec: FolderCommand, args: readonly unknown[]): Promise<BatchSummary | undefined> {
  // `(folder, uris[])` from the explorer, `(folder, options)`, or `({ folder, format, model })`.
  const [first, second, third] = args;
  const given = first instanceof vscode.Uri ? (Array.isArray(second) ? third : second) : first;
  const options = parseCommandArgs(given);
  const format = (given as { format?: unknown } | undefined)?.format;
  const folder = await folderOf(first);
  if (!folder) return undefined;
  const folderName = posix.basename(folder.path);
  const task = await taskInfo(spec.task);
  const files = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, mediaGlob(spec.kind)))).sort((a, b) => a.path.localeCompare(b.path));
  if (!files.length) {
    void showInfo(`No ${spec.kind === 'image' ? 'images' : 'audio files'} under ${folderName}.`);
    return undefined;
  }
  const model = await chooseModel(ctx, task, options);
  if (!model) return undefined;
  const session = await ctx.runner.prepare(spec.task);
  if (!session) return undefined;

  const s = ctx.settings.current;
  const startedAt = new Date().toISOString();
  ctx.log.info(`${task.title} in ${folder.path} with ${model}: ${files.length} files, ${s.batchConcurrency} at a time.`);
  const run = await runOverFiles(ctx.runner, session, `Hugging Face: ${task.title} in ${folderName} (${model})`, files, s.batchConcurrency, async (uri, signal) => {
    const file = await readMediaFile(uri, spec.kind, s.maxMediaBytes, session.executor.sniffMediaType);
    return session.executor.execute(session.request(model, { [spec.kind]: file.data }), await session.options(signal));
  });
  logOutcomes(ctx.log, `${task.title} in ${folderName}`, run, (uri) => posix.relative(folder.path, uri.path));

  const rows = run.outcomes.map((o) => reportRow(spec.report, posix.relative(folder.path, o.file.path), o));
  const json = format === 'json' || format === 'csv' ? format === 'json' : s.batchReportFormat === 'json';
  const content = json ? reportJson({ task: spec.task, model, folder: folder.toString(), startedAt, durationMs: Math.round(run.durationMs) }, rows, run.outcomes) : reportCsv(spec.report, rows);
  const report = vscode.Uri.joinPath(folder, '..', `${folderName}.${spec.slug}.${json ? 'json' : 'csv'}`);
  const written = await writeReport(ctx, report, content, json);

  const { ok, failed, cancelled } = countOutcomes(run.outcomes);
  // Nothing worked (a rejected token, an unreachable server…): say why, with the action that fixes it.
  const failure = run.outcomes.find((o) => o.status === 'failed');
  if (!ok && failure?.status === 'failed' && !run.cancelled) ctx.runner.showError(session, model, failure.thrown);
  const summary = `${spec.verb} ${ok} of ${files.length} ${spec.kind === 'image' ? 'images' : 'audio files'} in ${folderName}${failed ? `, ${failed} failed` : ''}${cancelled ? `, ${cancelled} cancelled` : ''}.${written ? ` Report: ${posix.basename(report.path)}.` : ''}`;
  void (failed || cancelled ? showWarning : showInfo)(summary);
  return { report: written ? report.toString() : '', total: files.length, succeeded: ok, failed, cancelled };
}

/**
 * Writes the report beside the folder and opens it. When it cannot be written there (a
 * read-only parent, a workspace root in a virtual file system), the results are not
 * lost: they open in an unsaved editor instead.
 */
async function writeReport(ctx: CommandContext, report: vscode.Uri, content: string, json: boolean): Promise<boolean> {
  try {
    await writeFileAtomically(report, new TextEncoder().encode(content));
    ctx.log.info(`Report written: ${report.toString(true)}`);
    await vscode.window.showTextDocument(report, { preview: false });
    return true;
  } catch (e) {
    ctx.log.error(`Could not write ${report.toString(true)}: ${(e as Error).message}`);
    void showError(`Could not write ${posix.basename(report.path)} beside the folder (${(e as Error).message}); the report is open in an unsaved editor instead.`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content, language: json ? 'json' : 'plaintext' }), { preview: false });
    return false;
  }
}
