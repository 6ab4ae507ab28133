// `huggingface.runComponent` / `huggingface.runAllComponents`: run a document or
// recipe component (after the ones it uses) with cancellable progress, show the
// result in the task's panel, write it where the setting says, and tie a failure
// to the line that caused it. Both accept a document URI (+ index) for automation.
import * as vscode from 'vscode';
import type { ParsedFile, RunFailure, UnitRun } from '../componentFiles';
import type { ComponentDiagnostics } from './diagnostics';
import { loadLogic, parsedDocument, toRange } from './documents';
import { resultsMode, writeResults } from './resultWriter';
import { createRunHost } from './runHost';
import type { RunningRuns } from './runningRuns';
import type { ComponentServices } from './services';
import { showError, showInfo, withNotificationProgress } from '../notify';

type RunFailureLike = Pick<RunFailure, 'message' | 'span' | 'code' | 'status' | 'model' | 'unit'>;

/** What a command resolves with (for automation and tests). */
export type RunOutcome =
  | { ok: true; runs: { index: number; id?: string; task: string; output: unknown }[]; resultsIn?: string }
  | { ok: false; message: string; cancelled: boolean; line?: number; code?: string };

/** Extra arguments for automation: recipe variable values, so nothing is asked. */
interface RunOptions {
  variables?: Record<string, string>;
}

export class ComponentRunner {
  private readonly allowed = new Set<string>();

  constructor(
    private readonly services: ComponentServices,
    private readonly diagnostics: ComponentDiagnostics,
    private readonly state: vscode.Memento,
    private readonly running: RunningRuns,
  ) {}

  async run(uri?: unknown, index?: unknown, options?: RunOptions): Promise<RunOutcome | undefined> {
    const target = await this.target(uri);
    if (!target) return undefined;
    const { document, parsed } = target;
    const at = typeof index === 'number' ? index : unitAtCursor(document, parsed);
    if (at === undefined || !parsed.units[at]) {
      void showInfo('Put the cursor in a component to run it.');
      return undefined;
    }
    return this.runUnits(document, parsed, [at], options);
  }

  async runAll(uri?: unknown, options?: RunOptions): Promise<RunOutcome | undefined> {
    const target = await this.target(uri);
    if (!target) return undefined;
    return this.runUnits(target.document, target.parsed, target.parsed.units.map((u) => u.index), options);
  }

  private async target(uri: unknown): Promise<{ document: vscode.TextDocument; parsed: ParsedFile } | undefined> {
    const given = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
    const document = given ? await vscode.workspace.openTextDocument(given) : vscode.window.activeTextEditor?.document;
    const parsed = document && (await parsedDocument(document));
    if (!document || !parsed) {
      void showInfo('Open a Hugging Face component file (*.hf.yaml) or an Instill recipe to run it.');
      return undefined;
    }
    return { document, parsed };
  }

  private async runUnits(document: vscode.TextDocument, parsed: ParsedFile, targets: number[], options: RunOptions = {}): Promise<RunOutcome | undefined> {
    const token = await this.services.tokenForRun();
    if (token === undefined) return undefined;
    const logic = await loadLogic();
    const { log } = this.services;
    const name = vscode.workspace.asRelativePath(document.uri);
    // One run per file at a time: two would write their results over each other.
    const controller = this.running.start(document.uri);
    if (!controller) {
      void showInfo(`${name} is already running; cancel it or wait for it to finish.`);
      return undefined;
    }
    this.diagnostics.clearRunFailure(document);
    return withNotificationProgress({ title: `Hugging Face: ${name}`, cancellable: true }, async (progress, cancel) => {
      cancel.onCancellationRequested(() => controller.abort());
      const host = createRunHost({
        document, token, signal: controller.signal, state: this.state, allowed: this.allowed, variables: options.variables,
        setup: this.services.setup(),
        maxFileBytes: this.services.maxFileBytes(),
        execute: (request, signal) => this.services.execute(request, signal ?? controller.signal, (status) => progress.report({ message: status.message })),
        onUnit: (unit, position, total) => {
          this.running.setUnit(document.uri, unit.index);
          progress.report({ message: `${unit.id ?? unit.task ?? 'component'}${total > 1 ? ` (${position + 1} of ${total})` : ''}` });
          log.info(`${name}: running ${unit.id ?? `#${unit.index + 1}`} (${unit.task}).`);
        },
      });
      try {
        const runs = await logic.runUnits(parsed, targets, host);
        const resultsIn = await this.finish(document, runs);
        return { ok: true, runs: runs.map((r) => ({ index: r.unit.index, id: r.unit.id, task: r.task, output: r.output })), resultsIn: resultsIn?.toString() };
      } catch (e) {
        if (!(e instanceof logic.RunFailure)) throw e;
        await this.finish(document, e.completed);
        if (e.cancelled) {
          log.info(`${name}: ${e.message}`);
          return { ok: false, message: e.message, cancelled: true };
        }
        this.fail(document, e);
        return { ok: false, message: e.message, cancelled: false, line: document.positionAt(e.span.start).line, code: e.code };
      } finally {
        this.running.end(document.uri);
      }
    });
  }

  /** Results into the file (or its .out.json), and the last one into its task's panel. */
  private async finish(document: vscode.TextDocument, runs: UnitRun[]): Promise<vscode.Uri | undefined> {
    if (runs.length === 0) return undefined;
    for (const run of runs) this.services.log.info(`${run.unit.id ?? `#${run.unit.index + 1}`} (${run.task}): done in ${run.durationMs} ms.`);
    const where = await writeResults(document, runs, resultsMode());
    const last = runs[runs.length - 1];
    void this.services.showResult(last.task, last.input, last.output, last.durationMs).catch((e: unknown) => this.services.log.warn(`The result could not be shown: ${String(e)}`));
    return where;
  }

  private fail(document: vscode.TextDocument, failure: RunFailureLike): void {
    this.diagnostics.showRunFailure(document, failure.span, failure.message);
    this.services.log.error(`${vscode.workspace.asRelativePath(document.uri)}: ${failure.message}`);
    // Executor errors get the core's advice (set token, settings…); the file's own problems point at their line.
    if (failure.code && failure.code !== 'INVALID_INPUT') {
      this.services.reportError({ code: failure.code, message: failure.message, status: failure.status }, failure.unit?.task ?? '', failure.model ?? '');
      return;
    }
    const show = 'Show Problem';
    void showError(failure.message, show).then(async (choice) => {
      if (choice !== show) return;
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(toRange(document, failure.span).start, toRange(document, failure.span).end);
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    });
  }
}

/** The unit under the cursor in the active editor (or the nearest one above it). */
function unitAtCursor(document: vscode.TextDocument, parsed: ParsedFile): number | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document !== document) return parsed.units[0]?.index;
  const offset = document.offsetAt(editor.selection.active);
  return [...parsed.units].reverse().find((u) => u.span.start <= offset)?.index ?? parsed.units[0]?.index;
}
