// What a panel asks of the editor: the text the user selected, a place to insert
// a result, and workspace files read as data. A focused panel is not an editor,
// so the last text editor the user was in is remembered.
import * as vscode from 'vscode';
import { MAX_MEDIA_BYTES, type MediaFile } from '../../shared/protocol';

const EXTENSIONS = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff'],
  audio: ['wav', 'flac', 'mp3', 'ogg', 'oga', 'm4a', 'webm'],
};

export type Sniff = (head: Uint8Array) => { type: string; kind: 'image' | 'audio' } | undefined;

export class EditorBridge implements vscode.Disposable {
  // A panel in front of the editor hides it (and VS Code then retires its TextEditor),
  // so the document and selection are remembered rather than the editor itself.
  private last: { document: vscode.TextDocument; selections: readonly vscode.Selection[]; column?: vscode.ViewColumn } | undefined;
  private readonly subscriptions = [
    vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor)),
    vscode.window.onDidChangeTextEditorSelection((e) => this.remember(e.textEditor)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (this.last?.document === doc) this.last = undefined;
    }),
  ];

  constructor() {
    this.remember(vscode.window.activeTextEditor);
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && editor.document.uri.scheme !== 'output') this.last = { document: editor.document, selections: editor.selections, column: editor.viewColumn };
  }

  selection(): { text?: string; error?: string } {
    if (!this.last) return { error: 'Open a file and select some text first.' };
    const { document, selections } = this.last;
    const text = selections.map((s) => document.getText(s)).filter(Boolean).join('\n');
    return text ? { text } : { error: 'Select some text in the editor first.' };
  }

  /** Inserts below the selection, as one undo step; into a new untitled file when no editor was used. */
  async insert(text: string): Promise<{ ok: boolean; message?: string }> {
    if (!this.last || this.last.document.isClosed) {
      const doc = await vscode.workspace.openTextDocument({ content: text });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      return { ok: true, message: 'Inserted into a new file.' };
    }
    const { document, selections, column } = this.last;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: true, preview: false });
    const line = document.lineAt(Math.min(selections[0].end.line, document.lineCount - 1));
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const ok = await editor.edit((b) => b.insert(line.range.end, `${eol}${text}`));
    return ok ? { ok, message: `Inserted into ${vscode.workspace.asRelativePath(document.uri)}.` } : { ok, message: 'The editor did not accept the edit.' };
  }

  /** Asks for a workspace image or audio file and reads it (never by widening the webview's roots). */
  async pickMedia(kind: 'image' | 'audio', sniff: Sniff): Promise<{ media?: MediaFile; error?: string }> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: kind === 'image' ? 'Use Image' : 'Use Audio',
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      filters: { [kind === 'image' ? 'Images' : 'Audio']: EXTENSIONS[kind], 'All files': ['*'] },
    });
    const uri = picked?.[0];
    if (!uri) return {};
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_MEDIA_BYTES) return { error: `${name} is ${(stat.size / 2 ** 20).toFixed(1)} MB; panels take files up to ${MAX_MEDIA_BYTES / 2 ** 20} MB.` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    const type = sniff(bytes.subarray(0, 64));
    if (!type || type.kind !== kind) return { error: `${name} is not ${kind === 'image' ? 'an image' : 'an audio file'} this task can read.` };
    return { media: { name, mime: type.type, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') } };
  }

  copy(text: string): Thenable<void> {
    return vscode.env.clipboard.writeText(text);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
