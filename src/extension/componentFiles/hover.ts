// Hovers: what a key means (the spec's descriptions via the executor's schemas),
// what a task id is, and what a `${…}` reference will be replaced with.
import { isMap, isSeq, type Node } from 'yaml';
import { describe, inputSchemaAt, setupDoc, taskDoc, unitKeyDoc, type FieldDoc } from './fieldDocs';
import { unitsById } from './graph';
import { toSnake } from './naming';
import { checkOutputPath } from './outputPaths';
import { formatPath, parseReference, REFERENCE_PATTERN } from './references';
import type { ParsedFile, Span, Unit } from './types';
import { keyName, lineStart, spanOf } from './yamlNodes';

export interface HoverInfo {
  span: Span;
  markdown: string;
}

export function hoverAt(file: ParsedFile, offset: number): HoverInfo | undefined {
  const unit = file.units.find((u) => offset >= u.span.start && offset <= u.span.end);
  if (!unit) return undefined;
  return referenceHover(file, offset) ?? taskHover(unit, offset) ?? keyHover(file, unit, offset);
}

function referenceHover(file: ParsedFile, offset: number): HoverInfo | undefined {
  const start = lineStart(file.text, offset);
  const lineEnd = file.text.indexOf('\n', offset);
  const line = file.text.slice(start, lineEnd < 0 ? undefined : lineEnd);
  for (const m of line.matchAll(REFERENCE_PATTERN)) {
    const span = { start: start + m.index!, end: start + m.index! + m[0].length };
    if (offset < span.start || offset > span.end) continue;
    return { span, markdown: describeReference(file, m[1]) };
  }
  return undefined;
}

function describeReference(file: ParsedFile, body: string): string {
  const ref = parseReference(body);
  switch (ref.kind) {
    case 'file':
      return `The contents of \`${ref.path}\`, relative to this file: text as it is, images and audio as base64.`;
    case 'selection':
      return 'The text selected in another editor when you run.';
    case 'env':
      return `The environment variable \`${ref.name}\` of VS Code's extension host (not read in untrusted workspaces).`;
    case 'secret':
      return 'Your Hugging Face token from secret storage: it is sent as the key and never written anywhere.';
    case 'variable': {
      const v = file.variables.get(ref.name);
      return v ? `Recipe variable \`${ref.name}\`${v.title ? ` — ${v.title}` : ''}${v.type ? ` (${v.type})` : ''}: asked for when you run, and remembered for this file.` : `No variable \`${ref.name}\` is declared under \`variable:\`.`;
    }
    case 'output': {
      const source = unitsById(file).get(ref.source);
      if (!source?.task) return `The output of \`${ref.source}\`.`;
      const check = checkOutputPath(source.task, ref.path);
      const where = ref.path.length ? `\`${formatPath(ref.path)}\` of the output` : 'The whole output';
      if (check.problem) return check.problem.message;
      const s = check.schema ?? {};
      const description = typeof s.description === 'string' ? `: ${s.description}` : '';
      return `${where} of \`${ref.source}\` (${source.task}; it runs first)${description}`;
    }
    case 'invalid':
      return ref.reason;
  }
}

function taskHover(unit: Unit, offset: number): HoverInfo | undefined {
  if (!unit.taskSpan || offset < unit.taskSpan.start || offset > unit.taskSpan.end) return undefined;
  const markdown = taskDoc(unit.task!);
  return markdown ? { span: unit.taskSpan, markdown } : undefined;
}

function keyHover(file: ParsedFile, unit: Unit, offset: number): HoverInfo | undefined {
  const found = keyPathAt(unit.map, offset, []);
  if (!found) return undefined;
  const [root, ...rest] = found.path;
  let doc: FieldDoc | undefined;
  if (rest.length === 0) doc = typeof root === 'string' ? unitKeyDoc(file.kind, root) : undefined;
  else if (root === 'setup' || toSnake(String(root)) === 'setup') doc = rest.length === 1 ? setupDoc(String(rest[0])) : undefined;
  else if (toSnake(String(root)) === 'input' && unit.task) {
    const schema = inputSchemaAt(unit.task, rest);
    const parent = inputSchemaAt(unit.task, rest.slice(0, -1));
    const required = ((parent?.required as string[] | undefined) ?? []).includes(toSnake(String(rest[rest.length - 1])));
    if (schema) doc = describe(String(rest[rest.length - 1]), schema, required);
    else if (rest.length === 2 && toSnake(String(rest[0])) === 'parameters') {
      return { span: found.span, markdown: `\`${String(rest[1])}\` is not one of ${unit.task}'s declared parameters: it is sent as is.` };
    }
  }
  if (!doc) return undefined;
  return { span: found.span, markdown: `**${doc.name}** · ${doc.summary}\n\n${doc.description}` };
}

/** The key under the cursor and its path of keys from `node`. */
function keyPathAt(node: Node, offset: number, path: (string | number)[]): { path: (string | number)[]; span: Span } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyName(pair);
      const keySpan = spanOf(pair.key as Node);
      if (key === undefined || !keySpan) continue;
      if (offset >= keySpan.start && offset <= keySpan.end) return { path: [...path, key], span: keySpan };
      const value = pair.value as Node | null;
      const valueSpan = spanOf(value);
      if (value && valueSpan && offset >= valueSpan.start && offset <= valueSpan.end) return keyPathAt(value, offset, [...path, key]);
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const span = spanOf(item as Node);
      if (span && offset >= span.start && offset <= span.end) return keyPathAt(item as Node, offset, [...path, i]);
    }
  }
  return undefined;
}
