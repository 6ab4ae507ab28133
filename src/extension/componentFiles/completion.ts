// Completions: task ids, the unit's keys, the task's input fields, parameters and
// options (from the executor's schemas), setup fields, values with a known set
// (enums, booleans, the default model), and `${…}` reference names; where a
// `${file:…}` path is being typed (the editor lists the files).
import { isMap, type Node } from 'yaml';
import { findTask, TASK_TABLE } from '../../executor';
import { cursorContext, type CursorContext } from './cursor';
import { fieldsAt, inputSchemaAt, SETUP_FIELDS, setupDoc, taskDoc, unitKeyDoc, type FieldDoc } from './fieldDocs';
import { unitsById } from './graph';
import { toKebab, toSnake } from './naming';
import { checkOutputPath } from './outputPaths';
import { RECIPE_COMPONENT_TYPE } from './parse';
import { parsePath } from './references';
import type { ParsedFile, Span, Unit } from './types';
import { keyName, lineStart, nodeAtPointer } from './yamlNodes';

export type CompletionKind = 'task' | 'field' | 'parameter' | 'value' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  insertText: string;
  replace: Span;
}

export function completions(file: ParsedFile, offset: number): CompletionEntry[] {
  return referenceCompletions(file, offset) ?? yamlCompletions(file, offset);
}

/** What is typed inside an unclosed `${` on the cursor's line, up to the cursor. */
function openReference(text: string, offset: number): string | undefined {
  const line = text.slice(lineStart(text, offset), offset);
  const open = line.lastIndexOf('${');
  if (open < 0 || line.indexOf('}', open) >= 0) return undefined;
  return line.slice(open + 2);
}

/**
 * Inside `${file:…`: the path typed so far (relative to the file) and the span it
 * takes, for the editor to list the files there (this module does not read folders).
 */
export function filePathAt(text: string, offset: number): { typed: string; replace: Span } | undefined {
  const typed = openReference(text, offset);
  if (typed === undefined || !typed.startsWith('file:')) return undefined;
  const path = typed.slice('file:'.length);
  return { typed: path, replace: { start: offset - path.length, end: offset } };
}

/** Inside an unclosed `${` on the current line. */
function referenceCompletions(file: ParsedFile, offset: number): CompletionEntry[] | undefined {
  const typed = openReference(file.text, offset);
  if (typed === undefined) return undefined;
  // A path: the editor lists the files (filePathAt).
  if (typed.startsWith('file:')) return [];
  const replaceFrom = (n: number): Span => ({ start: offset - n, end: offset });
  const here = cursorUnit(file, offset);

  const output = /^([\w-]+)\.output((?:\.[\w-]+|\[\d+\])*)(?:\.([\w-]*)|\[(\d*))$/.exec(typed);
  if (output) {
    const source = unitsById(file).get(output[1]);
    if (!source?.task || !findTask(source.task)) return [];
    const { schema } = checkOutputPath(source.task, parsePath(output[2]));
    if (!schema) return [];
    const isList = schema.type === 'array';
    // After `[`: the index; after `.` on a list: `[0]` in place of the dot.
    if (output[4] !== undefined) return isList ? [{ label: '[0]', kind: 'reference', detail: 'the first item', insertText: '0]', replace: replaceFrom(output[4].length) }] : [];
    if (isList) return [{ label: '[0]', kind: 'reference', detail: 'the first item', insertText: '[0]', replace: replaceFrom(output[3].length + 1) }];
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    return Object.entries(properties).map(([name, s]) => ({
      label: spell(file, name), kind: 'reference', detail: typeof s.type === 'string' ? s.type : undefined,
      documentation: typeof s.description === 'string' ? s.description : undefined, insertText: spell(file, name), replace: replaceFrom(output[3].length),
    }));
  }

  const entries: CompletionEntry[] = [
    { label: 'file:', kind: 'reference', detail: 'a file relative to this one (images and audio as base64)', insertText: 'file:', replace: replaceFrom(typed.length) },
    { label: 'selection', kind: 'reference', detail: 'the text selected in another editor', insertText: 'selection', replace: replaceFrom(typed.length) },
    { label: 'env:', kind: 'reference', detail: 'an environment variable (trusted workspaces only)', insertText: 'env:', replace: replaceFrom(typed.length) },
  ];
  for (const unit of file.units) {
    if (unit.id === undefined || unit === here || (file.kind === 'components' && here && unit.index >= here.index)) continue;
    entries.push({ label: `${unit.id}.output.`, kind: 'reference', detail: `the output of ${unit.id}${unit.task ? ` (${unit.task})` : ''}`, insertText: `${unit.id}.output.`, replace: replaceFrom(typed.length) });
  }
  for (const v of file.variables.values()) {
    entries.push({ label: `variable.${v.name}`, kind: 'reference', detail: v.title ?? 'a recipe variable, asked for when you run', insertText: `variable.${v.name}`, replace: replaceFrom(typed.length) });
  }
  return entries;
}

function cursorUnit(file: ParsedFile, offset: number): Unit | undefined {
  return file.units.find((u) => offset >= u.span.start && offset <= u.span.end);
}

const spell = (file: ParsedFile, name: string) => (file.kind === 'recipe' ? toKebab(name) : name);

function yamlCompletions(file: ParsedFile, offset: number): CompletionEntry[] {
  const ctx = cursorContext(file, offset);
  if (!ctx) return [];
  return ctx.position === 'key' ? keyCompletions(file, ctx) : valueCompletions(file, ctx);
}

function keyCompletions(file: ParsedFile, ctx: CursorContext): CompletionEntry[] {
  const { path } = ctx;
  const present = presentKeys(file, ctx);
  const entry = (doc: FieldDoc, kind: CompletionKind, isMap: boolean): CompletionEntry => {
    const name = spell(file, doc.name);
    return { label: name, kind, detail: doc.summary, documentation: doc.description, insertText: isMap ? `${name}:\n${' '.repeat(ctx.replace.start - lineStart(file.text, ctx.replace.start) + 2)}` : `${name}: `, replace: ctx.replace };
  };
  let docs: { doc: FieldDoc; kind: CompletionKind; isMap: boolean }[] = [];
  if (path.length === 0) {
    const keys = file.kind === 'recipe' ? ['type', 'task', 'input', 'setup', 'condition'] : ['task', 'input', 'setup', 'name'];
    docs = keys.map((k) => ({ doc: unitKeyDoc(file.kind, k)!, kind: 'field' as const, isMap: k === 'input' || k === 'setup' }));
  } else if (path.length === 1 && toSnake(path[0]) === 'setup') {
    docs = SETUP_FIELDS.map((k) => ({ doc: setupDoc(k)!, kind: 'field' as const, isMap: false }));
  } else if (toSnake(path[0]) === 'input' && ctx.task) {
    const inner = path.slice(1);
    const kind: CompletionKind = inner.length === 1 && toSnake(inner[0]) === 'parameters' ? 'parameter' : 'field';
    docs = fieldsAt(ctx.task, inner).map((doc) => ({ doc, kind, isMap: doc.schema?.type === 'object' && !!doc.schema.properties }));
  }
  return docs.filter(({ doc }) => !present.has(toSnake(doc.name))).map(({ doc, kind, isMap }) => entry(doc, kind, isMap));
}

/** Keys already in the map being typed in (so they are not offered again). */
function presentKeys(file: ParsedFile, ctx: CursorContext): Set<string> {
  if (!ctx.unit) return new Set();
  const target = ctx.path.length ? nodeAtPointer(ctx.unit.map, ctx.path, file.kind === 'recipe') : { node: ctx.unit.map as Node, found: true };
  if (!target.found || !isMap(target.node)) return new Set();
  return new Set(target.node.items.map((p) => keyName(p)).filter((k): k is string => k !== undefined && k !== ctx.prefix).map(toSnake));
}

function valueCompletions(file: ParsedFile, ctx: CursorContext): CompletionEntry[] {
  const key = toSnake(ctx.key!);
  const value = (label: string, detail?: string, documentation?: string): CompletionEntry => ({ label, kind: 'value', detail, documentation, insertText: label, replace: ctx.replace });
  if (ctx.path.length === 0) {
    if (key === 'task') return TASK_TABLE.map((t) => ({ label: t.id, kind: 'task', detail: t.title, documentation: taskDoc(t.id), insertText: t.id, replace: ctx.replace }));
    if (key === 'type' && file.kind === 'recipe') return [value(RECIPE_COMPONENT_TYPE, 'a Hugging Face component')];
    return [];
  }
  if (ctx.path.length === 1 && toSnake(ctx.path[0]) === 'setup') return key === 'is_custom_endpoint' ? [value('true'), value('false')] : [];
  if (toSnake(ctx.path[0]) !== 'input' || !ctx.task) return [];
  const inner = [...ctx.path.slice(1), key];
  if (inner.length === 1 && key === 'model') {
    const info = findTask(ctx.task);
    return info ? [value(info.defaultModel, `the default model for ${info.title}`)] : [];
  }
  if (inner.length === 1 && (key === 'image' || key === 'audio')) return [{ label: '${file:…}', kind: 'reference', detail: `a ${key} file relative to this one`, insertText: '${file:}', replace: ctx.replace }];
  const schema = inputSchemaAt(ctx.task, inner);
  if (Array.isArray(schema?.enum)) return schema.enum.map((v) => value(String(v)));
  if (schema?.type === 'boolean') return [value('true'), value('false')];
  return [];
}
