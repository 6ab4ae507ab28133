// Completions and hovers: thin adapters over the pure ones in ../componentFiles.
import * as vscode from 'vscode';
import type { CompletionKind, Span } from '../componentFiles';
import { mediaKindOf } from '../mediaFiles';
import { loadLogic, parsedDocument, toRange } from './documents';

/** Enough for any folder a person picks from by typing. */
const MAX_FILES = 500;

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  task: vscode.CompletionItemKind.EnumMember,
  field: vscode.CompletionItemKind.Property,
  parameter: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.Value,
  reference: vscode.CompletionItemKind.Reference,
};

export class ComponentCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = ['{', '.', ':', '[', ' ', '/'];

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const parsed = await parsedDocument(document);
    if (!parsed) return [];
    const logic = await loadLogic();
    const path = logic.filePathAt(parsed.text, document.offsetAt(position));
    if (path) return filesAt(document, path.typed, path.replace);
    return logic.completions(parsed, document.offsetAt(position)).map((entry) => {
      const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
      item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      item.insertText = entry.insertText;
      item.range = toRange(document, entry.replace);
      return item;
    });
  }
}

/**
 * The files and folders in the folder a `${file:…}` path names so far, relative to the
 * component file and inside its workspace folder (as runs read them); a folder goes on
 * with its own listing.
 */
async function filesAt(document: vscode.TextDocument, typed: string, replace: Span): Promise<vscode.CompletionItem[]> {
  if (document.uri.scheme === 'untitled') return [];
  const prefix = typed.slice(0, typed.lastIndexOf('/') + 1);
  const folder = vscode.Uri.joinPath(document.uri, '..', prefix);
  const workspace = vscode.workspace.getWorkspaceFolder(document.uri);
  if (workspace && vscode.workspace.getWorkspaceFolder(folder)?.uri.toString() !== workspace.uri.toString()) return [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const showHidden = typed.slice(prefix.length).startsWith('.');
  return entries
    .filter(([name]) => showHidden || !name.startsWith('.'))
    .slice(0, MAX_FILES)
    .map(([name, type]) => {
      const isFolder = (type & vscode.FileType.Directory) !== 0;
      const item = new vscode.CompletionItem(isFolder ? `${name}/` : name, isFolder ? vscode.CompletionItemKind.Folder : vscode.CompletionItemKind.File);
      item.insertText = `${prefix}${name}${isFolder ? '/' : ''}`;
      item.filterText = item.insertText;
      item.range = toRange(document, replace);
      item.sortText = `${isFolder ? 0 : 1}${name}`;
      const media = mediaKindOf(name);
      item.detail = isFolder ? 'folder' : media ? `${media}, sent as base64` : 'text, inserted as is';
      if (isFolder) item.command = { command: 'editor.action.triggerSuggest', title: 'List its files' };
      return item;
    });
}

export class ComponentHovers implements vscode.HoverProvider {
  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const parsed = await parsedDocument(document);
    if (!parsed) return undefined;
    const info = (await loadLogic()).hoverAt(parsed, document.offsetAt(position));
    return info && new vscode.Hover(new vscode.MarkdownString(info.markdown), toRange(document, info.span));
  }
}
