// Which documents are component files or recipes, and their parse, cached per
// version. The parsing code (with the `yaml` package and the executor's schemas)
// is loaded when the first such document needs it, never at activation.
import * as vscode from 'vscode';
import type { FileKind, ParsedFile, Span } from '../componentFiles';
import { looksLikeRecipe } from '../componentFiles/recipeCheck';

export const COMPONENT_LANGUAGE = 'huggingface-component';

type Logic = typeof import('../componentFiles');
let logic: Promise<Logic> | undefined;

export function loadLogic(): Promise<Logic> {
  logic ??= import('../componentFiles');
  return logic;
}

/** `components` for `*.hf.yaml`, `recipe` for a YAML file that is an Instill recipe; a cheap check of the text. */
export function kindOf(document: vscode.TextDocument): FileKind | undefined {
  if (document.languageId === COMPONENT_LANGUAGE) return 'components';
  if (document.languageId === 'yaml' && looksLikeRecipe(document.getText())) return 'recipe';
  return undefined;
}

const cache = new WeakMap<vscode.TextDocument, { version: number; parsed: ParsedFile }>();

/** The document's parse (cached until it changes), or undefined when it is neither kind. */
export async function parsedDocument(document: vscode.TextDocument): Promise<ParsedFile | undefined> {
  const kind = kindOf(document);
  if (!kind) return undefined;
  const hit = cache.get(document);
  if (hit && hit.version === document.version && hit.parsed.kind === kind) return hit.parsed;
  const parsed = (await loadLogic()).parseFile(document.getText(), kind);
  cache.set(document, { version: document.version, parsed });
  return parsed;
}

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
