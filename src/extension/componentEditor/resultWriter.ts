// Writes a run's results where the setting `huggingface.componentResults` says: a
// `# result:` block under each unit (one undoable edit, against the text as it is
// now), or the sibling `<name>.out.json`.
import * as vscode from 'vscode';
import type { UnitRun } from '../componentFiles';
import { loadLogic, parsedDocument, toRange } from './documents';

export type ResultsMode = 'comment' | 'outFile';

export function resultsMode(): ResultsMode {
  return vscode.workspace.getConfiguration('huggingface').get('componentResults') === 'outFile' ? 'outFile' : 'comment';
}

/** Where the results went: the document itself, or the out file's URI. */
export async function writeResults(document: vscode.TextDocument, runs: readonly UnitRun[], mode: ResultsMode): Promise<vscode.Uri | undefined> {
  if (runs.length === 0) return undefined;
  if (mode === 'outFile' && document.uri.scheme !== 'untitled') return writeOutFile(document, runs);
  await writeComments(document, runs);
  return document.uri;
}

async function writeComments(document: vscode.TextDocument, runs: readonly UnitRun[]): Promise<void> {
  // The user may have typed during the run: place each result under the same unit
  // in today's text, and skip a unit that is no longer there.
  const now = await parsedDocument(document);
  if (!now) return;
  const placed = runs.flatMap((run) => {
    const unit = now.units[run.unit.index];
    return unit && unit.task === run.unit.task && unit.id === run.unit.id ? [{ ...run, unit }] : [];
  });
  const edits = (await loadLogic()).resultCommentEdits(now, placed);
  if (edits.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(document, e.span), e.newText);
  await vscode.workspace.applyEdit(edit);
}

async function writeOutFile(document: vscode.TextDocument, runs: readonly UnitRun[]): Promise<vscode.Uri> {
  const { outFileContent, outFileName } = await loadLogic();
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  const target = vscode.Uri.joinPath(document.uri, '..', outFileName(name));
  let existing: string | undefined;
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  } catch {
    existing = undefined; // not written yet
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(outFileContent(existing, runs)));
  return target;
}
