// Input and output validation against the task's JSON Schemas. The validators are
// ajv's, precompiled at build time (scripts/gen-validators.mjs); messages name the
// field at fault in the spec's terms.
import type { ErrorObject } from 'ajv';
import { closest } from './closest';
import { ComponentError } from './errors';
import * as validators from './generated/validators';
import { schemasFor, unknownTask } from './schemas';
import { findTask } from './tasks';
import type { TaskId } from './types';

type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function validator(task: TaskId, which: 'input' | 'output'): ValidateFunction {
  return (validators as unknown as Record<string, ValidateFunction>)[`${task}_${which}`];
}

export interface FieldProblem {
  /** JSON pointer of the field, e.g. `/parameters/top_k` ('' for the whole input). */
  field: string;
  message: string;
}

/** Problems with `input` for `task` (empty when valid). `input` must already hold strings for media. */
export function inputProblems(task: TaskId, input: unknown): FieldProblem[] {
  const fn = validator(task, 'input');
  if (fn(input)) return [];
  return describe(fn.errors ?? [], task, 'input');
}

/**
 * Problems with a task input as the panels and component files show them, with
 * the executor's own messages. Media given as bytes or Blobs count as present.
 */
export function validateInput(task: string, input: unknown): FieldProblem[] {
  const info = findTask(task);
  if (!info) return [{ field: '/task', message: unknownTask(task).message }];
  if (!input || typeof input !== 'object' || Array.isArray(input)) return [{ field: '', message: 'the input must be an object' }];
  const media = info.mediaField ? (input as Record<string, unknown>)[info.mediaField] : undefined;
  const checked = info.mediaField && media !== undefined && typeof media !== 'string' ? { ...input, [info.mediaField]: 'bytes' } : input;
  return inputProblems(info.id, { task: info.id, ...checked });
}

/** Throws `INVALID_INPUT` naming the first problem (and how many more there are). */
export function assertValidInput(task: TaskId, input: unknown): void {
  const problems = inputProblems(task, input);
  if (problems.length === 0) return;
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new ComponentError('INVALID_INPUT', `Invalid input for ${task}: ${first.message}${more}.`, { field: first.field });
}

/** Throws `INVALID_RESPONSE` when a normalized output does not match the task's output schema. */
export function assertValidOutput(task: TaskId, output: unknown): void {
  const fn = validator(task, 'output');
  if (fn(output)) return;
  const [first] = describe(fn.errors ?? [], task, 'output');
  throw new ComponentError('INVALID_RESPONSE', `Hugging Face answered ${task} with an unexpected result: ${first.message}.`);
}

function fieldName(pointer: string): string {
  if (!pointer) return 'the input';
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null',
};

function describeOne(e: ErrorObject, task: TaskId, which: 'input' | 'output'): FieldProblem & { suggested?: string } {
  const at = e.instancePath;
  const name = fieldName(at);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return { field: `${at}/${missing}`, message: `${at ? `${name}.` : ''}${missing} is required` };
    }
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const hint = closest(extra, knownSiblings(e, task, which));
      return { field: `${at}/${extra}`, message: `unknown field "${at ? `${name}.` : ''}${extra}"${hint ? ` (did you mean "${hint}"?)` : ''}`, suggested: hint };
    }
    case 'type': {
      const types = String(p.type).split(',').map((t) => TYPE_WORDS[t] ?? t);
      return { field: at, message: `${name} must be ${types.join(' or ')}` };
    }
    case 'const':
      return { field: at, message: at === '/task' ? `task must be ${task} here` : `${name} must be ${JSON.stringify(p.allowedValue)}` };
    case 'enum':
      return { field: at, message: `${name} must be one of: ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'minLength':
      return { field: at, message: p.limit === 1 ? `${name} must not be empty` : `${name} must have at least ${p.limit} characters` };
    case 'minItems':
      return { field: at, message: p.limit === 1 ? `${name} must not be an empty list` : `${name} must have at least ${p.limit} items` };
    case 'maxItems':
      return { field: at, message: `${name} must have at most ${p.limit} items` };
    case 'minProperties':
      return { field: at, message: `${name} must not be empty` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { field: at, message: `${name} must be ${p.comparison} ${p.limit}` };
    case 'pattern':
      return { field: at, message: at === '/model' ? 'model must be a Hugging Face model id such as "facebook/bart-large-cnn" (no spaces, "?", "#" or ".." segments)' : `${name} is not in the expected format` };
    default:
      return { field: at, message: `${name} ${e.message ?? 'is not valid'}` };
  }
}

/** The property names allowed next to an unknown one (for "did you mean"), found along the error's schema path. */
function knownSiblings(e: ErrorObject, task: TaskId, which: 'input' | 'output'): string[] {
  let node: unknown = schemasFor(task)[which];
  for (const part of e.schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function describe(errors: ErrorObject[], task: TaskId, which: 'input' | 'output'): FieldProblem[] {
  // With allErrors, a union type reports once per branch; keep one line per field+message.
  const seen = new Set<string>();
  const out: (FieldProblem & { suggested?: string })[] = [];
  for (const e of errors) {
    const d = describeOne(e, task, which);
    const key = `${d.field}|${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  // A typo ("input" for "inputs") also makes the real field missing: say the typo once, first.
  const typos = out.filter((d) => d.suggested !== undefined);
  const covered = new Set(typos.map((d) => `${d.field.slice(0, d.field.lastIndexOf('/'))}/${d.suggested}`));
  return [...typos, ...out.filter((d) => d.suggested === undefined && !covered.has(d.field))].map(({ field, message }) => ({ field, message }));
}
