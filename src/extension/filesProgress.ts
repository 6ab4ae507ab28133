// Runs a task over several files under one cancellable progress notification
// ("12 / 50 · about 30 s left"): the multi-selection's and the folder batch's way to
// run. Cancel (or "Cancel Running Tasks") stops new files from starting and aborts
// the ones in flight; what finished is kept.
import * as vscode from 'vscode';
import { progressMessage } from './batchProgress';
import { countOutcomes, runFileBatch, type FileOutcome } from './fileBatch';
import type { RunSession, TaskRunner } from './runTask';
import { withNotificationProgress } from './notify';

export interface FilesRun<F, O> {
  outcomes: FileOutcome<F, O>[];
  cancelled: boolean;
  durationMs: number;
}

export async function runOverFiles<F, O>(
  runner: TaskRunner,
  session: RunSession,
  title: string,
  files: readonly F[],
  concurrency: number,
  work: (file: F, signal: AbortSignal | undefined, status: (message: string) => void) => Promise<O>,
): Promise<FilesRun<F, O>> {
  const controller = new AbortController();
  const registration = runner.register(controller);
  const started = performance.now();
  try {
    return await withNotificationProgress({ title, cancellable: true }, async (progress, cancel) => {
      cancel.onCancellationRequested(() => controller.abort());
      const single = files.length === 1;
      if (!single) progress.report({ message: progressMessage(0, files.length, 0) });
      // One file: its status ("model is loading…") is the message; several: the count and the time left.
      const status = (message: string) => single && progress.report({ message });
      const outcomes = await runFileBatch(session.executor.runBatch, files, (file, signal) => work(file, signal, status), {
        concurrency,
        signal: controller.signal,
        onProgress: (done, total) => !single && progress.report({ increment: 100 / total, message: progressMessage(done, total, performance.now() - started) }),
      });
      return { outcomes, cancelled: controller.signal.aborted, durationMs: performance.now() - started };
    });
  } finally {
    registration.dispose();
  }
}

/** One line for the run, and one per failed file, in the log. */
export function logOutcomes<F>(log: vscode.LogOutputChannel, what: string, run: FilesRun<F, unknown>, name: (file: F) => string): void {
  const { ok, failed, cancelled } = countOutcomes(run.outcomes);
  log.info(`${what}: ${ok} done, ${failed} failed, ${cancelled} cancelled, in ${Math.round(run.durationMs)} ms.`);
  for (const o of run.outcomes) if (o.status === 'failed') log.warn(`${what}: ${name(o.file)}: ${o.error}`);
}
