// Offsets in one document kept true while the user edits it, so a result that arrives
// later lands where it belongs, or is known to have nowhere to go.
import * as vscode from 'vscode';
import { shiftRangeThrough, type OffsetRange } from './rangeTracking';

export class TrackedRanges implements vscode.Disposable {
  private ranges: (OffsetRange | undefined)[];
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly document: vscode.TextDocument,
    ranges: readonly OffsetRange[],
  ) {
    this.ranges = [...ranges];
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== document || e.contentChanges.length === 0) return;
      const changes = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
      this.ranges = this.ranges.map((r) => shiftRangeThrough(r, changes));
    });
  }

  /** The range now, or undefined once an edit reached inside it. */
  get(index: number): OffsetRange | undefined {
    return this.ranges[index];
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Whether the user still has the document open: not disposed, and shown in some editor or tab. */
export function isOpenInEditor(document: vscode.TextDocument): boolean {
  if (document.isClosed) return false;
  if (vscode.window.visibleTextEditors.some((e) => e.document === document)) return true;
  if (vscode.workspace.notebookDocuments.some((nb) => nb.getCells().some((c) => c.document === document))) return true;
  const uri = document.uri.toString();
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => {
      const input = t.input;
      if (input instanceof vscode.TabInputText) return input.uri.toString() === uri;
      if (input instanceof vscode.TabInputTextDiff) return input.modified.toString() === uri;
      return false;
    }),
  );
}
