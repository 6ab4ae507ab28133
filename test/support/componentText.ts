// Reading offsets as editor positions, and applying edits, for the component-file tests.
import type { Span, TextEdit } from '../../src/extension/componentFiles';

/** `line:character-line:character`, 0-based like VS Code's positions. */
export function rangeOf(text: string, span: Span): string {
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return `${line}:${offset - (before.lastIndexOf('\n') + 1)}`;
  };
  return `${pos(span.start)}-${pos(span.end)}`;
}

/** Applies non-overlapping edits made against the same text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** The offset just after the first occurrence of `marker` (the marker itself is kept). */
export function after(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`"${marker}" is not in the text`);
  return at + marker.length;
}
