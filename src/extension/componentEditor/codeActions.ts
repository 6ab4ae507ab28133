// Quick fixes: the checks' own fixes (add the default model, fix a task id or a
// field name, remove a key written in the file…), for the problems in range.
import * as vscode from 'vscode';
import { loadLogic, parsedDocument, toRange } from './documents';

export class ComponentCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<vscode.CodeAction[]> {
    const parsed = await parsedDocument(document);
    if (!parsed) return [];
    const problems = (await loadLogic()).checkFile(parsed, { trusted: vscode.workspace.isTrusted });
    const actions: vscode.CodeAction[] = [];
    for (const problem of problems) {
      const problemRange = toRange(document, problem.span);
      if (!problem.fix || !problemRange.intersection(range)) continue;
      const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of problem.fix.edits) action.edit.replace(document.uri, toRange(document, edit.span), edit.newText);
      action.diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.isEqual(problemRange) && d.message === problem.message);
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
