// `${…}` references: what they say, and where they are in a unit's input and setup.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedFile, Span, Unit } from './types';
import { keyName, valueOf } from './yamlNodes';

/** A step into an output: a field name or a list index (`results[0].label`). */
export type PathStep = string | number;

export type Reference =
  | { kind: 'file'; path: string }
  | { kind: 'selection' }
  | { kind: 'env'; name: string }
  | { kind: 'output'; source: string; path: PathStep[] }
  | { kind: 'variable'; name: string }
  | { kind: 'secret'; name: string }
  | { kind: 'invalid'; reason: string };

/** A reference found in a unit. */
export interface FoundReference {
  ref: Reference;
  /** The text between `${` and `}`. */
  body: string;
  /** The `${…}` in the file. */
  span: Span;
  /** Where it is: `input` or `setup`, then the field names as written. */
  at: PathStep[];
  /** Whether the reference is the whole value (it then keeps the referenced value's type). */
  whole: boolean;
}

export const REFERENCE_PATTERN = /\$\{([^}]*)\}/g;
const ID = '[A-Za-z0-9_][A-Za-z0-9_-]*';
const OUTPUT = new RegExp(`^(${ID})\\.output((?:\\.[A-Za-z0-9_-]+|\\[\\d+\\])*)$`);

export function parseReference(body: string): Reference {
  const text = body.trim();
  if (text === 'selection') return { kind: 'selection' };
  if (text.startsWith('file:')) {
    const path = text.slice(5).trim();
    return path ? { kind: 'file', path } : { kind: 'invalid', reason: '`${file:…}` needs a path relative to this file, e.g. `${file:images/cat.png}`.' };
  }
  if (text.startsWith('env:')) {
    const name = text.slice(4).trim();
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? { kind: 'env', name } : { kind: 'invalid', reason: '`${env:…}` needs an environment variable name, e.g. `${env:USER}`.' };
  }
  const scoped = /^(variable|secret)\.([A-Za-z0-9_-]+)$/.exec(text);
  if (scoped) return scoped[1] === 'variable' ? { kind: 'variable', name: scoped[2] } : { kind: 'secret', name: scoped[2] };
  const output = OUTPUT.exec(text);
  if (output) return { kind: 'output', source: output[1], path: parsePath(output[2]) };
  return {
    kind: 'invalid',
    reason: `Unknown reference \`\${${text}}\`. Use \`\${file:path}\`, \`\${selection}\`, \`\${env:NAME}\` or \`\${<name>.output.<field>}\`.`,
  };
}

/** `.results[0].label` → ['results', 0, 'label']. */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const m of path.matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)) steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return steps;
}

/** ['results', 0, 'label'] → `results[0].label`. */
export function formatPath(path: readonly PathStep[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}

/** Every reference in a unit's `input` and `setup`, in file order. */
export function findReferences(file: ParsedFile, unit: Unit): FoundReference[] {
  const found: FoundReference[] = [];
  const anySpelling = file.kind === 'recipe';
  for (const field of ['input', 'setup']) {
    const node = valueOf(unit.map, field, anySpelling);
    if (node) collect(file.text, node, [field], found);
  }
  return found;
}

function collect(text: string, node: Node, at: PathStep[], out: FoundReference[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyName(pair);
      if (key !== undefined && pair.value) collect(text, pair.value as Node, [...at, key], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collect(text, item as Node, [...at, i], out));
  } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
    out.push(...referencesInScalar(text, node.value, node.range, at));
  }
}

/**
 * References in a string scalar. The values give the references; their spans come
 * from the source text, matched one for one (quoting rarely changes `${…}`); when
 * escapes make them differ, every reference gets the whole scalar's span.
 */
function referencesInScalar(text: string, value: string, range: [number, number, number], at: PathStep[]): FoundReference[] {
  const inValue = [...value.matchAll(REFERENCE_PATTERN)];
  if (inValue.length === 0) return [];
  const source = text.slice(range[0], range[1]);
  const inSource = [...source.matchAll(REFERENCE_PATTERN)];
  const aligned = inSource.length === inValue.length && inSource.every((m, i) => m[0] === inValue[i][0]);
  const whole = inValue.length === 1 && inValue[0][0] === value.trim();
  return inValue.map((m, i) => ({
    ref: parseReference(m[1]),
    body: m[1],
    span: aligned ? { start: range[0] + inSource[i].index!, end: range[0] + inSource[i].index! + m[0].length } : { start: range[0], end: range[1] },
    at,
    whole,
  }));
}

/** Every `${file:…}` of the file's units, for the editor to check that the files exist. */
export function fileReferences(file: ParsedFile): { path: string; span: Span }[] {
  return file.units.flatMap((unit) => findReferences(file, unit)).flatMap(({ ref, span }) => (ref.kind === 'file' ? [{ path: ref.path, span }] : []));
}
