// Where a caption or transcript goes: a new editor, or the cursor of the editor that
// was active when the command started. The cursor is tracked while the model runs, so
// the text lands where the user left it, or (when that text was edited away or the
// document closed) is offered in a new editor instead; never over the user's text.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Destination } from './commandArgs';
import { openUntitled, replaceText, reportOutcome } from './editorResults';
import { isOpenInEditor, TrackedRanges } from './trackedRanges';

export type TextTarget = { kind: 'newEditor' } | { kind: 'cursor'; point: TrackedRanges };

/** The argument's choice, else the user's (only asked when there is an editor to insert into). */
export async function chooseTextTarget(given: Destination | undefined): Promise<TextTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  let destination = given;
  if (!destination && editor) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(new-file) Open in a new editor', destination: 'newEditor' as const },
        { label: `$(insert) Insert at the cursor in ${posix.basename(editor.document.uri.path)}`, destination: 'cursor' as const },
      ],
      { title: 'Where should the text go?' },
    );
    if (!picked) return undefined;
    destination = picked.destination;
  }
  if (destination !== 'cursor' || !editor) return { kind: 'newEditor' };
  const at = editor.document.offsetAt(editor.selection.active);
  return { kind: 'cursor', point: new TrackedRanges(editor.document, [{ start: at, end: at }]) };
}

/** Puts the text at its target (one undo step at a cursor). */
export async function deliverText(target: TextTarget, text: string, what: string): Promise<void> {
  if (target.kind === 'newEditor') {
    await openUntitled(text, 'plaintext');
    return;
  }
  try {
    const { document } = target.point;
    const point = target.point.get(0);
    if (point && isOpenInEditor(document) && (await replaceText(document, point, text))) return;
    reportOutcome({ kind: 'notApplied' }, what, text);
  } finally {
    target.point.dispose();
  }
}

export function releaseTextTarget(target: TextTarget | undefined): void {
  if (target?.kind === 'cursor') target.point.dispose();
}
