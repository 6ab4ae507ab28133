// Keeping offsets true while the user edits (pure): a range the result refers to moves
// with edits before it, and is "touched" (undefined) when an edit reaches inside it.

export interface OffsetRange {
  start: number;
  end: number;
}

/** One content change: the text in [offset, offset + length) became `text`. */
export interface OffsetChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * The range after `change`, or undefined when the change overlaps it. An insertion
 * exactly at `start` lands before the range (so a zero-width point moves past
 * text inserted at it); one exactly at `end` lands after it.
 */
export function shiftRange(range: OffsetRange, change: OffsetChange): OffsetRange | undefined {
  const changeEnd = change.offset + change.length;
  if (changeEnd <= range.start) {
    const delta = change.text.length - change.length;
    return { start: range.start + delta, end: range.end + delta };
  }
  if (change.offset >= range.end) return range;
  return undefined;
}

/** Applies a document event's changes in order (VS Code lists them so that this is correct). */
export function shiftRangeThrough(range: OffsetRange | undefined, changes: readonly OffsetChange[]): OffsetRange | undefined {
  let current = range;
  for (const change of changes) {
    if (!current) return undefined;
    current = shiftRange(current, change);
  }
  return current;
}
