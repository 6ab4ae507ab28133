// Results shown inside the editor: a label at the end of the line (top label and
// score), coloured entity spans with their label, highlighted answers and cells, each
// with a hover. Kept per document, moved along with the user's edits, dropped when the
// text they describe is edited, and drawn again whenever the document is shown.
import * as vscode from 'vscode';
import { shiftRangeThrough, type OffsetRange } from './rangeTracking';

export type InlineKind = 'label' | 'span' | 'highlight';

export interface InlineResult {
  kind: InlineKind;
  /** The text the result describes (document offsets). */
  range: OffsetRange;
  /** Shown after the line (`label`) or after the span (`span`). */
  text?: string;
  /** Spans only: which of the palette's colours. */
  color?: number;
  hover: vscode.MarkdownString;
}

/** Entity colours: translucent, so they read on light, dark and high-contrast themes alike. */
const PALETTE = ['255, 99, 132', '54, 162, 235', '255, 159, 64', '75, 192, 192', '153, 102, 255', '201, 203, 47', '255, 99, 255', '46, 204, 113'];

export function colorFor(label: string): number {
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % PALETTE.length;
}

export class InlineResults implements vscode.Disposable {
  private readonly byDocument = new Map<string, InlineResult[]>();
  private readonly labelType = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly highlightType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly spanTypes = PALETTE.map((rgb) =>
    vscode.window.createTextEditorDecorationType({
      backgroundColor: `rgba(${rgb}, 0.22)`,
      borderRadius: '2px',
      overviewRulerColor: `rgba(${rgb}, 0.8)`,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      // The label in the editor's own text colour on a tint of the span's colour: a
      // coloured text (yellow on white…) would not be readable in every theme.
      after: { color: new vscode.ThemeColor('editor.foreground'), backgroundColor: `rgba(${rgb}, 0.22)`, border: `1px solid rgba(${rgb}, 0.9)`, margin: '0 0 0 0.2em', fontWeight: 'bold' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  );
  private readonly subscriptions = [
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))),
    vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
    vscode.workspace.onDidCloseTextDocument((d) => this.byDocument.delete(d.uri.toString())),
  ];

  /** Shows `results` in `document`, replacing earlier results about text inside `subject`. */
  show(document: vscode.TextDocument, subject: OffsetRange, results: InlineResult[]): void {
    const key = document.uri.toString();
    const kept = (this.byDocument.get(key) ?? []).filter((r) => r.range.end <= subject.start || r.range.start >= subject.end);
    this.byDocument.set(key, [...kept, ...results]);
    this.renderDocument(document);
  }

  clear(document: vscode.TextDocument): void {
    this.byDocument.delete(document.uri.toString());
    this.renderDocument(document);
  }

  /** What is shown in `document` now (for tests and troubleshooting). */
  describe(document: vscode.TextDocument): { kind: InlineKind; text?: string; range: vscode.Range; hover: string }[] {
    return (this.byDocument.get(document.uri.toString()) ?? []).map((r) => ({
      kind: r.kind,
      ...(r.text !== undefined && { text: r.text }),
      range: new vscode.Range(document.positionAt(r.range.start), document.positionAt(r.range.end)),
      hover: r.hover.value,
    }));
  }

  private follow(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const results = this.byDocument.get(key);
    if (!results || e.contentChanges.length === 0) return;
    const changes = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    // A result about text that was edited no longer holds: it goes.
    const moved = results.flatMap((r) => {
      const range = shiftRangeThrough(r.range, changes);
      return range ? [{ ...r, range }] : [];
    });
    this.byDocument.set(key, moved);
    this.renderDocument(e.document);
  }

  private renderDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    const { document } = editor;
    const results = this.byDocument.get(document.uri.toString()) ?? [];
    const toRange = (r: OffsetRange) => new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
    const labels: vscode.DecorationOptions[] = [];
    const highlights: vscode.DecorationOptions[] = [];
    const spans: vscode.DecorationOptions[][] = this.spanTypes.map(() => []);
    for (const r of results) {
      if (r.kind === 'label') {
        // From the text to the end of its first line, so that the label sits where reading
        // starts and hovering the text itself shows the details.
        const start = document.positionAt(r.range.start);
        labels.push({ range: new vscode.Range(start, document.lineAt(start.line).range.end), hoverMessage: r.hover, renderOptions: { after: { contentText: r.text ?? '' } } });
      } else if (r.kind === 'span') {
        spans[r.color ?? 0].push({ range: toRange(r.range), hoverMessage: r.hover, renderOptions: { after: { contentText: r.text ?? '' } } });
      } else {
        highlights.push({ range: toRange(r.range), hoverMessage: r.hover });
      }
    }
    editor.setDecorations(this.labelType, labels);
    editor.setDecorations(this.highlightType, highlights);
    this.spanTypes.forEach((type, i) => editor.setDecorations(type, spans[i]));
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    [this.labelType, this.highlightType, ...this.spanTypes].forEach((t) => t.dispose());
    this.byDocument.clear();
  }
}
