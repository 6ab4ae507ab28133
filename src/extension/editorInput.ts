// The text a command works on: the primary selection, or the whole document when
// nothing is selected, within huggingface.maxInputCharacters.
import * as vscode from 'vscode';
import type { OffsetRange } from './rangeTracking';
import { openSettings, type Settings } from './settings';
import { showWarning } from './notify';

export interface TextSource {
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  /** Offsets of `text` in the document. */
  range: OffsetRange;
  text: string;
  wholeDocument: boolean;
}

export function readTextSource(settings: Settings, what: string): TextSource | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void showWarning(`Open a file and select the text to ${what} first.`);
    return undefined;
  }
  const { document, selection } = editor;
  const wholeDocument = selection.isEmpty;
  const range = wholeDocument ? new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)) : selection;
  const text = document.getText(range);
  if (!text.trim()) {
    void showWarning(wholeDocument ? `The document is empty: there is nothing to ${what}.` : `The selection is blank: select the text to ${what}.`);
    return undefined;
  }
  if (text.length > settings.maxInputCharacters) {
    const where = wholeDocument ? 'The document' : 'The selection';
    void showWarning(`${where} has ${text.length.toLocaleString('en')} characters; the limit is ${settings.maxInputCharacters.toLocaleString('en')} (huggingface.maxInputCharacters). Select a part of it.`, 'Open Settings')
      .then((choice) => choice && openSettings('huggingface.maxInputCharacters'));
    return undefined;
  }
  return { editor, document, text, wholeDocument, range: { start: document.offsetAt(range.start), end: document.offsetAt(range.end) } };
}
