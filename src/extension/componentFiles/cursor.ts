// Where the cursor is, in terms the completions understand: which unit, which
// map (by its key path), and whether a key or a value is being typed. Read from
// the text's indentation, so it works while the YAML is still incomplete.
import type { ParsedFile, Span, Unit } from './types';
import { lineStart } from './yamlNodes';

export interface CursorContext {
  unit?: Unit;
  /** The task of the unit (read from the text when the unit does not parse yet). */
  task?: string;
  /** Keys from the unit's root to the map being typed in, as written. */
  path: string[];
  position: 'key' | 'value';
  /** For values: the key whose value is typed. */
  key?: string;
  /** The word typed so far, and where it is. */
  prefix: string;
  replace: Span;
}

const KEY_LINE = /^(\s*)([\w-]*)$/;
const VALUE_LINE = /^(\s*)([\w-]+):[ \t]+([^\s#]*)$/;
const HEADER_LINE = /^(\s*)([\w-]+):[ \t]*(?:#.*)?$/;

export function cursorContext(file: ParsedFile, offset: number): CursorContext | undefined {
  const { text } = file;
  const start = lineStart(text, offset);
  const before = text.slice(start, offset);
  const key = KEY_LINE.exec(before);
  const value = key ? undefined : VALUE_LINE.exec(before);
  const m = key ?? value;
  if (!m) return undefined;
  const indent = m[1].length;
  const prefix = key ? key[2] : value![3];
  const docPath = [...parentKeys(text, start, indent), ...(value ? [value[2]] : [])];
  const replace = { start: offset - prefix.length, end: offset };
  const position = key ? 'key' : 'value';
  const at = value ? value[2] : undefined;

  if (file.kind === 'recipe') {
    if (docPath[0] !== 'component' || docPath.length < (key ? 2 : 3)) return undefined;
    // A component that is not (yet) a hugging-face one has no unit, but its keys can still be completed.
    const unit = file.units.find((u) => u.id === docPath[1]);
    const path = docPath.slice(2, value ? -1 : undefined);
    return { unit, task: unit?.task, path, position, key: at, prefix, replace };
  }
  const { unit, task } = documentAt(file, offset);
  return { unit, task, path: value ? docPath.slice(0, -1) : docPath, position, key: at, prefix, replace };
}

/** The keys of the block maps enclosing a line at `indent`, outermost first. */
function parentKeys(text: string, lineStartOffset: number, indent: number): string[] {
  const keys: string[] = [];
  let current = indent;
  let end = lineStartOffset;
  while (end > 0 && current > 0) {
    const start = lineStart(text, end - 1);
    const line = text.slice(start, end).replace(/\r?\n$/, '');
    end = start;
    if (/^---/.test(line)) break;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent >= current) continue;
    const header = HEADER_LINE.exec(line);
    if (!header) break;
    keys.unshift(header[2]);
    current = lineIndent;
  }
  return keys;
}

/** The document around `offset` in a component file: its unit (if it parsed as one) and its task. */
function documentAt(file: ParsedFile, offset: number): { unit?: Unit; task?: string } {
  const { text } = file;
  const separators = [...text.matchAll(/^---.*$/gm)].map((m) => m.index!);
  const docStart = separators.filter((s) => s < offset).pop() ?? 0;
  const docEnd = separators.find((s) => s >= offset) ?? text.length;
  const unit = file.units.find((u) => u.span.start >= docStart && u.span.start < docEnd);
  const task = unit?.task ?? /^task:[ \t]*["']?([\w-]+)/m.exec(text.slice(docStart, docEnd))?.[1];
  return { unit, task };
}
