// Where results sit in the text they came from: entity spans of token
// classification and the answer of question answering. Offsets from the model
// are used when they agree with the text; otherwise the words are looked up.

export interface Span {
  start: number;
  end: number;
  label: string;
  score?: number;
  /** The result's position in the output list. */
  index: number;
}

export interface Piece {
  text: string;
  span?: Span;
}

interface Entity {
  entity_group?: unknown;
  word?: unknown;
  start?: unknown;
  end?: unknown;
  score?: unknown;
}

const isOffset = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** Subword tokens ("##ing", "▁Paris", "ĠParis") without their markers. */
const plainWord = (word: string) => word.replace(/^(##|▁|Ġ)/, '').trim();

/** Non-overlapping spans in text order; results that cannot be placed are left out. */
export function entitySpans(text: string, results: readonly Entity[]): Span[] {
  const spans: Span[] = [];
  let searchFrom = 0;
  results.forEach((r, index) => {
    const label = typeof r.entity_group === 'string' ? r.entity_group : '';
    const score = typeof r.score === 'number' ? r.score : undefined;
    let start: number | undefined;
    let end: number | undefined;
    if (isOffset(r.start, text.length) && isOffset(r.end, text.length) && r.end > r.start) {
      start = r.start;
      end = r.end;
    } else if (typeof r.word === 'string' && plainWord(r.word)) {
      const word = plainWord(r.word);
      const at = text.toLowerCase().indexOf(word.toLowerCase(), searchFrom);
      if (at >= 0) {
        start = at;
        end = at + word.length;
      }
    }
    if (start === undefined || end === undefined) return;
    searchFrom = end;
    spans.push({ start, end, label, score, index });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) if (!kept.length || s.start >= kept[kept.length - 1].end) kept.push(s);
  return kept;
}

/** The text cut at the spans' edges: plain pieces and span pieces, in order. */
export function splitBySpans(text: string, spans: readonly Span[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start) });
    pieces.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** The answer's place in the context: the model's offsets when they hold the answer, else its first occurrence. */
export function answerSpan(context: string, output: { answer?: unknown; start?: unknown; stop?: unknown; end?: unknown }): { start: number; end: number } | undefined {
  const answer = typeof output.answer === 'string' ? output.answer : '';
  const stop = output.stop ?? output.end;
  if (isOffset(output.start, context.length) && isOffset(stop, context.length) && stop > output.start) {
    const slice = context.slice(output.start, stop);
    if (!answer || slice.trim().toLowerCase() === answer.trim().toLowerCase()) return { start: output.start, end: stop };
  }
  if (!answer.trim()) return undefined;
  const at = context.indexOf(answer);
  if (at >= 0) return { start: at, end: at + answer.length };
  const loose = context.toLowerCase().indexOf(answer.trim().toLowerCase());
  return loose >= 0 ? { start: loose, end: loose + answer.trim().length } : undefined;
}
