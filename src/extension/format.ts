// Turning task outputs into text people read: scores, inline labels, Markdown (pure).
// Model output is untrusted: inline text is stripped of control and bidi characters
// and shortened; Markdown gets every special character escaped.

export interface LabelScore {
  label: string;
  score: number;
}

export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(3) : '–';
}

/** Highest score first. */
export function ranked(items: readonly LabelScore[]): LabelScore[] {
  return [...items].sort((a, b) => b.score - a.score);
}

/** Zero-shot's parallel `labels`/`scores` lists as pairs, highest first. */
export function zipLabels(labels: readonly string[], scores: readonly number[]): LabelScore[] {
  return ranked(labels.map((label, i) => ({ label, score: scores[i] ?? Number.NaN })));
}

// C0/C1 controls and the bidi embedding/override/isolate marks (Trojan Source).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** One line of plain text safe to show inline: no controls or bidi marks, at most `max` characters. */
export function inlineText(text: string, max = 60): string {
  const clean = text.replace(UNSAFE_INLINE, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** VS Code shows at most about this much of a notification; the rest is noise. */
const MAX_MESSAGE = 1000;

// As UNSAFE_INLINE, but a message may keep its line breaks.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
const UNSAFE_MESSAGE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * A notification message that shows as written: no link can form (VS Code links
 * `[text](https:…|command:…|file:…)` and needs `](` side by side, so a space goes
 * between), no control or bidi character reorders it, and it is no longer than a
 * notification shows.
 */
export function inertMessage(text: string): string {
  const clean = text.replace(UNSAFE_MESSAGE, ' ').replace(/\](?=\()/g, '] ');
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
}

/** "POSITIVE 0.999" for end-of-line decorations. */
export function inlineLabel(item: LabelScore, maxLabel = 40): string {
  return `${inlineText(item.label, maxLabel)} ${formatScore(item.score)}`;
}

/**
 * Escapes text for use inside a Markdown line (a heading, a table cell, a hover), on
 * one line: no emphasis, code, links (written or bare), HTML, entities or cell breaks can form. (Marks
 * that only count at the start of a line, like `-` or `1.`, stay readable.)
 */
export function escapeMarkdown(text: string): string {
  // `:`, `@` and `www.` too: the hover's renderer turns bare URLs and addresses into links.
  return inlineText(text, 500)
    .replace(/[\\`*_{}[\]<>|~&#:@]/g, (c) => `\\${c}`)
    .replace(/(www)\./gi, '$1\\.');
}

/** A Markdown table of labels and scores, highest first. */
export function labelTable(items: readonly LabelScore[]): string {
  const rows = ranked(items).map((i) => `| ${escapeMarkdown(i.label)} | ${formatScore(i.score)} |`);
  return ['| Label | Score |', '| :-- | --: |', ...rows].join('\n');
}

export interface FillMaskCandidate {
  score: number;
  sequence: string;
  token_str: string;
}

const MASK_TOKENS = ['[MASK]', '<mask>'];

export function findMaskToken(text: string): string | undefined {
  return MASK_TOKENS.find((m) => text.includes(m));
}

/**
 * The best candidate written into the user's own text: the single mask token replaced
 * by the predicted word, keeping their casing and spacing. Several masks, or none the
 * extension knows, fall back to the model's `sequence`.
 */
export function fillMaskText(original: string, results: readonly FillMaskCandidate[]): string | undefined {
  const best = [...results].sort((a, b) => b.score - a.score)[0];
  if (!best) return undefined;
  const mask = findMaskToken(original);
  if (mask && original.indexOf(mask) === original.lastIndexOf(mask)) {
    const word = best.token_str.trim();
    if (word) return original.replace(mask, word);
  }
  return best.sequence;
}

/** 1234567 → "1.2M", 45210 → "45k". */
export function compactNumber(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1).replace(/\.0$/, '')}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 1e3) return `${Math.round(n / 1e3)}k`;
  return String(n);
}
