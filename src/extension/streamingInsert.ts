// Streamed text written into a document as it arrives: deltas are batched into one
// edit per flush, each placed right after the text already written (tracked through
// the user's own edits). If that spot is edited away, writing stops and the caller is
// told, keeping everything that was not written.
import * as vscode from 'vscode';
import { replaceText, type UndoMode } from './editorResults';
import { isOpenInEditor, TrackedRanges } from './trackedRanges';

const FLUSH_MS = 50;

/** Writes the first batch; resolves with the offset just after it, or undefined if it could not. */
export type BeginInsert = (text: string, undo: UndoMode) => Promise<number | undefined>;

export class StreamingInsert implements vscode.Disposable {
  private point: TrackedRanges | undefined;
  private pending = '';
  private unwritten = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private lost = false;
  private readonly lostController = new AbortController();

  /** Aborts when the text can no longer be written (document closed, or the spot edited away). */
  readonly lostSignal = this.lostController.signal;

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly begin: BeginInsert,
  ) {}

  push(text: string): void {
    if (!text) return;
    if (this.lost) {
      this.unwritten += text;
      return;
    }
    this.pending += text;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain.then(() => this.flush());
    }, FLUSH_MS);
  }

  /** Writes what is left; resolves with the text that could not be written (empty when all was). */
  async finish(): Promise<string> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.chain = this.chain.then(() => this.flush());
    await this.chain;
    return this.unwritten;
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    if (!text) return;
    if (this.lost || !isOpenInEditor(this.document)) return this.markLost(text);
    if (!this.point) {
      const end = await this.begin(text, 'streamStart');
      if (end === undefined) return this.markLost(text);
      this.point = new TrackedRanges(this.document, [{ start: end, end }]);
      return;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = this.point.get(0);
      if (!at) break;
      // Inserting at a tracked point moves the point past the insertion (see shiftRange).
      if (await replaceText(this.document, at, text, 'streamContinue')) return;
    }
    this.markLost(text);
  }

  private markLost(text: string): void {
    this.lost = true;
    this.unwritten += text + this.pending;
    this.pending = '';
    this.lostController.abort();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.point?.dispose();
  }
}
