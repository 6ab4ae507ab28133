// Completions and hovers: thin adapters over the pure ones in ../componentFiles.
import * as vscode from 'vscode';
import type { CompletionKind } from '../componentFiles';
import { loadLogic, parsedDocument, toRange } from './documents';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  task: vscode.CompletionItemKind.EnumMember,
  field: vscode.CompletionItemKind.Property,
  parameter: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.Value,
  reference: vscode.CompletionItemKind.Reference,
};

export class ComponentCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = ['{', '.', ':', '[', ' '];

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const parsed = await parsedDocument(document);
    if (!parsed) return [];
    return (await loadLogic()).completions(parsed, document.offsetAt(position)).map((entry) => {
      const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
      item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      item.insertText = entry.insertText;
      item.range = toRange(document, entry.replace);
      return item;
    });
  }
}

export class ComponentHovers implements vscode.HoverProvider {
  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const parsed = await parsedDocument(document);
    if (!parsed) return undefined;
    const info = (await loadLogic()).hoverAt(parsed, document.offsetAt(position));
    return info && new vscode.Hover(new vscode.MarkdownString(info.markdown), toRange(document, info.span));
  }
}
