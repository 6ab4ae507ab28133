// Problems shown as the user types (debounced), and the failures of the last run,
// each kept in its own collection: typing clears a run's failure, a new run
// replaces it, and checks never wipe it by accident.
import * as vscode from 'vscode';
import type { Problem, Span } from '../componentFiles';
import { COMPONENT_LANGUAGE, loadLogic, parsedDocument, toRange } from './documents';

const DEBOUNCE_MS = 250;
const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information } as const;

export class ComponentDiagnostics implements vscode.Disposable {
  private readonly checks = vscode.languages.createDiagnosticCollection('huggingface-components');
  private readonly runs = vscode.languages.createDiagnosticCollection('huggingface-component-runs');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.runs.delete(e.document.uri);
        this.schedule(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // `${env:…}` and endpoint overrides are judged by trust.
      vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0))),
    ];
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0));
  }

  /** Shows where the last run of `document` failed (until it is edited or run again). */
  showRunFailure(document: vscode.TextDocument, span: Span, message: string): void {
    const diagnostic = new vscode.Diagnostic(toRange(document, span), message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'Hugging Face (run)';
    this.runs.set(document.uri, [diagnostic]);
  }

  clearRunFailure(document: vscode.TextDocument): void {
    this.runs.delete(document.uri);
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    const parsed = await parsedDocument(document);
    if (!parsed || document.isClosed) {
      this.checks.delete(document.uri);
      return;
    }
    const logic = await loadLogic();
    const problems = logic.checkFile(parsed, { trusted: vscode.workspace.isTrusted });
    const missing = await missingFiles(document, logic.fileReferences(parsed));
    if (document.version !== version) return; // typed meanwhile: the next check will say
    this.checks.set(document.uri, [...problems, ...missing].map((p) => toDiagnostic(document, p)));
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.languageId !== COMPONENT_LANGUAGE && document.languageId !== 'yaml') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.update(document);
    }, delay));
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.checks.delete(uri);
    this.runs.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscriptions.forEach((s) => s.dispose());
    this.checks.dispose();
    this.runs.dispose();
  }
}

/** `${file:…}` references whose file is not there (a warning: it may be created before the run). */
async function missingFiles(document: vscode.TextDocument, refs: { path: string; span: Span }[]): Promise<Problem[]> {
  if (document.uri.scheme === 'untitled') return [];
  const found = await Promise.all(refs.map((r) => vscode.workspace.fs.stat(vscode.Uri.joinPath(document.uri, '..', r.path)).then(() => true, () => false)));
  return refs.filter((_, i) => !found[i]).map((r) => ({ span: r.span, severity: 'warning', code: 'unknown-reference', message: `\`${r.path}\` was not found next to this file.` }));
}

function toDiagnostic(document: vscode.TextDocument, problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, problem.span), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = 'Hugging Face';
  diagnostic.code = problem.code;
  return diagnostic;
}
