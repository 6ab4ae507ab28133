// Offsets inside the text sent to a model (pure). Python-based servers count code
// points; VS Code counts UTF-16 code units, so offsets are converted before use.

import type { OffsetRange } from './rangeTracking';

/** UTF-16 offset of code point `index` in `text` (clamped to the text's length). */
export function codePointToUtf16(text: string, index: number): number {
  let units = 0;
  let points = 0;
  while (points < index && units < text.length) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points += 1;
  }
  return units;
}

/** A model's [start, end) span in code points as UTF-16 offsets, or undefined when it does not fit the text. */
export function spanToUtf16(text: string, start: number, end: number): OffsetRange | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return undefined;
  const s = codePointToUtf16(text, start);
  const e = codePointToUtf16(text, end);
  return e > s || (e === s && start === end) ? { start: s, end: e } : undefined;
}

/**
 * Where an answer is in its context: the server's span when it holds the answer,
 * else the first occurrence of the answer text.
 */
export function locateAnswer(context: string, answer: string, start?: number, stop?: number): OffsetRange | undefined {
  if (start !== undefined && stop !== undefined) {
    const span = spanToUtf16(context, start, stop);
    if (span && span.end > span.start && context.slice(span.start, span.end).trim() === answer.trim()) return span;
  }
  const trimmed = answer.trim();
  if (!trimmed) return undefined;
  const at = context.indexOf(trimmed);
  return at >= 0 ? { start: at, end: at + trimmed.length } : undefined;
}

export interface LineSpan extends OffsetRange {
  text: string;
}

/** The non-blank lines of `text`, with their offsets (line breaks excluded, surrounding spaces trimmed). */
export function nonBlankLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) lines.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return lines;
}
