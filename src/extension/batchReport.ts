// A folder batch's results as a table, written as CSV or JSON (pure). CSV follows
// RFC 4180 (quoted when needed, quotes doubled, CRLF) and neutralizes spreadsheet
// formulas: a cell a spreadsheet would evaluate (starting with = + - @, tab or CR) is
// prefixed with ', since model output and file names are not to be trusted.
import { countOutcomes, type FileOutcome } from './fileBatch';
import type { LabelScore } from './format';

export type ReportKind = 'classification' | 'text';

export interface ReportRow {
  file: string;
  label?: string;
  score?: number;
  text?: string;
  error?: string;
}

export interface ReportHeader {
  task: string;
  model: string;
  folder: string;
  startedAt: string;
  durationMs: number;
}

/** The row for one file: its top label and score, or its text, or why it has none. */
export function reportRow(kind: ReportKind, file: string, outcome: FileOutcome<unknown, unknown>): ReportRow {
  if (outcome.status === 'cancelled') return { file, error: 'cancelled (not run)' };
  if (outcome.status === 'failed') return { file, error: outcome.error };
  if (kind === 'text') return { file, text: (outcome.output as { text: string }).text };
  const top = [...(outcome.output as { classes: LabelScore[] }).classes].sort((a, b) => b.score - a.score)[0];
  return top ? { file, label: top.label, score: top.score } : { file, error: 'no labels' };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-neutralized, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const formatScore = (score: number | undefined) => (score === undefined ? '' : String(Math.round(score * 1e6) / 1e6));

export function reportCsv(kind: ReportKind, rows: readonly ReportRow[]): string {
  if (kind === 'classification') return toCsv(['file', 'label', 'score', 'error'], rows.map((r) => [r.file, r.label ?? '', formatScore(r.score), r.error ?? '']));
  return toCsv(['file', 'text', 'error'], rows.map((r) => [r.file, r.text ?? '', r.error ?? '']));
}

export function reportJson(header: ReportHeader, rows: readonly ReportRow[], outcomes: readonly FileOutcome<unknown, unknown>[]): string {
  const { ok, failed, cancelled } = countOutcomes(outcomes);
  return `${JSON.stringify({ ...header, total: rows.length, succeeded: ok, failed, cancelled, rows }, null, 2)}\n`;
}
