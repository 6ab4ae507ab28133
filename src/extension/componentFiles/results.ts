// Where results go besides the panel: a `# result:` comment block under the unit
// (replacing the previous one, and only it), or a sibling `<name>.out.json`.
import { Document, isScalar, visit } from 'yaml';
import type { UnitRun } from './run';
import type { ParsedFile, TextEdit, Unit } from './types';
import { lineEnd } from './yamlNodes';

const HEADER = /^([ \t]*)# result: TASK_/;
/** Strings longer than this (base64 masks, long texts) are shortened in comments. */
const MAX_STRING = 300;

/** The comment block for a run: a header line, then the output as YAML, every line commented. */
function resultComment(run: UnitRun, indent: number): string {
  const pad = ' '.repeat(indent);
  const model = typeof run.input.model === 'string' ? ` · ${run.input.model}` : '';
  const body = toYaml(shorten(run.output)).trimEnd().split('\n');
  return [`${pad}# result: ${run.task}${model} · ${run.durationMs} ms`, ...body.map((line) => `${pad}#   ${line}`)].join('\n');
}

/** YAML with lists of plain values on one line (`labels: [a, b]`), so scores stay readable. */
function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function shorten(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, 60)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
}

/**
 * The one edit that puts `run`'s result block under its unit. An earlier block
 * (a `# result` line and the `#   ` lines after it, in the comments right below
 * the unit) is replaced; any other text is left alone.
 */
export function resultCommentEdit(file: ParsedFile, run: UnitRun): TextEdit {
  const { text } = file;
  const unit = run.unit;
  const block = resultComment(run, unit.indent);
  const contentEnd = lastContentLineEnd(text, unit);
  const existing = findBlock(text, contentEnd, unit.indent);
  if (existing) return { span: existing, newText: `${block}\n` };
  const newline = contentEnd === text.length && !text.endsWith('\n') ? '\n' : '';
  return { span: { start: contentEnd, end: contentEnd }, newText: `${newline}${block}\n` };
}

/** The edits for several runs (each unit's last run), all against the same text: one undoable change. */
export function resultCommentEdits(file: ParsedFile, runs: readonly UnitRun[]): TextEdit[] {
  const last = new Map(runs.map((run) => [run.unit.index, run]));
  return [...last.values()].map((run) => resultCommentEdit(file, run));
}

/** Just past the unit's last line of content (its trailing comments excluded). */
function lastContentLineEnd(text: string, unit: Unit): number {
  let end = unit.span.end;
  while (end > unit.span.start && /\s/.test(text[end - 1])) end--;
  return lineEnd(text, end - 1);
}

/** An earlier result block among the comment and blank lines right after `from`. */
function findBlock(text: string, from: number, indent: number): { start: number; end: number } | undefined {
  let at = from;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const line = text.slice(at, end).replace(/\r?\n$/, '');
    const header = HEADER.exec(line);
    if (header && header[1].length === indent) {
      const continuation = new RegExp(`^${header[1]}#   `);
      let blockEnd = end;
      while (blockEnd < text.length) {
        const next = text.slice(blockEnd, lineEnd(text, blockEnd));
        if (!continuation.test(next)) break;
        blockEnd = lineEnd(text, blockEnd);
      }
      return { start: at, end: blockEnd };
    }
    if (line.trim() !== '' && !line.trim().startsWith('#')) return undefined;
    at = end;
  }
  return undefined;
}

/** `summarize.hf.yaml` → `summarize.out.json`; `recipe.yaml` → `recipe.out.json`. */
export function outFileName(fileName: string): string {
  return `${fileName.replace(/(\.hf)?\.ya?ml$/i, '')}.out.json`;
}

/** The key of a unit in the out file: its name or id, else its position (`#2`). */
const outFileKey = (unit: Unit): string => unit.id ?? `#${unit.index + 1}`;

/**
 * The out file's new text: the earlier results kept, the runs' results added or
 * replaced. An unreadable earlier file is started afresh (it is ours to write).
 */
export function outFileContent(existing: string | undefined, runs: readonly UnitRun[]): string {
  let results: Record<string, unknown> = {};
  try {
    const parsed: unknown = existing ? JSON.parse(existing) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) results = parsed as Record<string, unknown>;
  } catch {
    results = {};
  }
  for (const run of runs) results[outFileKey(run.unit)] = { task: run.task, model: run.input.model, output: run.output };
  return `${JSON.stringify(results, null, 2)}\n`;
}
