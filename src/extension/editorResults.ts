// Text results written into the user's document: replacing the selection or inserted
// below it, as one undoable edit, and never over text the user changed meanwhile.
import * as vscode from 'vscode';
import type { CommandArgs, Placement } from './commandArgs';
import type { TextSource } from './editorInput';
import type { OffsetRange } from './rangeTracking';
import type { Settings } from './settings';
import { isOpenInEditor, TrackedRanges } from './trackedRanges';
import { showInfo, showWarning } from './notify';

export type ApplyOutcome =
  | { kind: 'replaced' | 'inserted'; range: OffsetRange }
  /** The selection was edited while the model ran: the result went below it instead. */
  | { kind: 'insertedBelowInstead'; range: OffsetRange }
  /** The document was closed, or the text around the target was edited away. */
  | { kind: 'notApplied' };

/** `huggingface.textResult`, unless the command's arguments decide; `ask` asks. */
export async function choosePlacement(args: CommandArgs, settings: Settings): Promise<Placement | undefined> {
  const placement = args.placement ?? settings.textResult;
  if (placement !== 'ask') return placement;
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(arrow-down) Insert below', description: 'keeps your text', placement: 'insertBelow' as const },
      { label: '$(replace) Replace the selection', description: 'one undo brings it back', placement: 'replace' as const },
    ],
    { title: 'Where should the result go?', placeHolder: 'Set huggingface.textResult to stop being asked' },
  );
  return picked?.placement;
}

/** The selection a command read, tracked (with the point at its end) until the result arrives. */
export class TextTarget implements vscode.Disposable {
  private readonly tracked: TrackedRanges;

  constructor(readonly source: TextSource) {
    const { start, end } = source.range;
    this.tracked = new TrackedRanges(source.document, [{ start, end }, { start: end, end }]);
  }

  get document(): vscode.TextDocument {
    return this.source.document;
  }

  /** Where the source text is now, or undefined if it was edited. */
  get subject(): OffsetRange | undefined {
    return this.tracked.get(0);
  }

  async apply(text: string, placement: Placement, undo: UndoMode = 'single'): Promise<ApplyOutcome> {
    const document = this.document;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!isOpenInEditor(document)) return { kind: 'notApplied' };
      const subject = this.tracked.get(0);
      if (placement === 'replace' && subject) {
        if (await replaceText(document, subject, text, undo)) return { kind: 'replaced', range: { start: subject.start, end: subject.start + text.length } };
        continue; // The document changed between our check and the edit: look again.
      }
      const anchor = this.tracked.get(1);
      if (!anchor) return { kind: 'notApplied' };
      const at = belowLineEnd(document, anchor.start, this.source.range.end > this.source.range.start);
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      if (await replaceText(document, { start: at, end: at }, eol + text, undo)) {
        const range = { start: at + eol.length, end: at + eol.length + text.length };
        return { kind: placement === 'replace' ? 'insertedBelowInstead' : 'inserted', range };
      }
    }
    return { kind: 'notApplied' };
  }

  dispose(): void {
    this.tracked.dispose();
  }
}

/** End of the line holding `offset`; a selection ending at a line start belongs to the line before. */
function belowLineEnd(document: vscode.TextDocument, offset: number, nonEmpty: boolean): number {
  const position = document.positionAt(offset);
  const line = nonEmpty && position.character === 0 && position.line > 0 ? position.line - 1 : position.line;
  return document.offsetAt(document.lineAt(line).range.end);
}

/** `single`: its own undo step; a stream's edits start one step and continue it. */
export type UndoMode = 'single' | 'streamStart' | 'streamContinue';

/**
 * Replaces `range` with `text` as one edit. Through a visible editor when there is one
 * (its edit is refused if the document changed since we looked, and a stream's edits
 * can share one undo step); otherwise as a workspace edit.
 */
export async function replaceText(document: vscode.TextDocument, range: OffsetRange, text: string, undo: UndoMode = 'single'): Promise<boolean> {
  const target = new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (editor) {
    try {
      return await editor.edit((b) => b.replace(target, text), { undoStopBefore: undo !== 'streamContinue', undoStopAfter: undo === 'single' });
    } catch {
      // The editor closed in the meantime: fall through to a workspace edit.
    }
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, target, text);
  return vscode.workspace.applyEdit(edit);
}

/** Selects and reveals an inserted result when its editor is the active one. */
export function revealResult(document: vscode.TextDocument, range: OffsetRange): void {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document !== document) return;
  const r = new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Tells the user when a result did not go where they asked; offers it in a new editor when it went nowhere. */
export function reportOutcome(outcome: ApplyOutcome, what: string, text: string): void {
  if (outcome.kind === 'insertedBelowInstead') {
    void showInfo(`The selected text changed while ${what} ran, so the result was inserted below it instead of replacing it.`);
  } else if (outcome.kind === 'notApplied') {
    void showWarning(`The ${what} result was not applied: the document was closed, or the text around the selection was edited.`, 'Open in New Editor')
      .then((choice) => choice && openUntitled(text, 'plaintext'));
  }
}

export async function openUntitled(content: string, language: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
