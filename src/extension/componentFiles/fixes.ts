// Edits that quick fixes are made of, computed on the file's text.
import type { Node, Pair } from 'yaml';
import type { Fix, Span } from './types';
import { columnOf, lineEnd, lineStart } from './yamlNodes';

export const replaceFix = (title: string, span: Span, newText: string): Fix => ({ title, edits: [{ span, newText }] });

/** Removes a block-map entry's lines; undefined when the entry shares a line with something else (flow maps). */
export function removePairFix(title: string, text: string, pair: Pair<Node, Node | null>): Fix | undefined {
  const keyStart = pair.key?.range?.[0];
  const valueEnd = pair.value?.range?.[1] ?? pair.key?.range?.[1];
  if (keyStart === undefined || valueEnd === undefined) return undefined;
  const start = lineStart(text, keyStart);
  const end = lineEnd(text, Math.max(keyStart, valueEnd - 1));
  if (text.slice(start, keyStart).trim() !== '' || text.slice(valueEnd, end).replace(/#.*/, '').trim() !== '') return undefined;
  return { title, edits: [{ span: { start, end }, newText: '' }] };
}

/** Inserts `line` (without indentation) as a new line just above the line holding `offset`, indented like it. */
export function insertLineAboveFix(title: string, text: string, offset: number, line: string): Fix {
  const start = lineStart(text, offset);
  const indent = ' '.repeat(columnOf(text, offset));
  return { title, edits: [{ span: { start, end: start }, newText: `${indent}${line}\n` }] };
}

/** Inserts lines after the line holding `offset` (each already indented). */
export function insertLinesBelowFix(title: string, text: string, offset: number, lines: string[]): Fix {
  const end = lineEnd(text, offset);
  const newline = end === text.length && !text.endsWith('\n') ? '\n' : '';
  return { title, edits: [{ span: { start: end, end }, newText: `${newline}${lines.join('\n')}\n` }] };
}
