// Everything the editor reports while the user types: YAML syntax, unknown tasks
// and keys, the executor's own input validation mapped onto the YAML nodes, keys
// written into the file, references that cannot resolve, and cycles.
import { isMap, type Node, type YAMLMap } from 'yaml';
import { findTask, getTaskSchemas, TASKS, validateInput } from '../../executor';
import { checkOutputPath } from './outputPaths';
import { buildGraph } from './graph';
import { materialize } from './materialize';
import { closest, toKebab, toSnake } from './naming';
import { findReferences, formatPath, REFERENCE_PATTERN, type FoundReference } from './references';
import { insertLineAboveFix, insertLinesBelowFix, removePairFix, replaceFix } from './fixes';
import { isRetiredBaseUrl } from './setup';
import type { ParsedFile, Problem, Unit } from './types';
import { keyName, nodeAtPointer, pairOf, pointerSegments, spanOf, stringValue, valueOf } from './yamlNodes';

export interface CheckOptions {
  /** Whether the workspace is trusted (`${env:…}` and endpoint overrides are refused otherwise). */
  trusted: boolean;
}

const UNIT_KEYS = { components: ['task', 'input', 'setup', 'name'], recipe: ['type', 'task', 'input', 'setup', 'condition', 'metadata'] };
const SETUP_KEYS = ['base_url', 'is_custom_endpoint'];

export function checkFile(file: ParsedFile, options: CheckOptions): Problem[] {
  const problems = [...file.problems];
  const seen = new Map<string, Unit>();
  for (const unit of file.units) {
    if (file.kind === 'components' && unit.id !== undefined) {
      if (seen.has(unit.id)) problems.push({ span: unit.idSpan!, severity: 'error', code: 'duplicate-name', message: `Another document above is already called \`${unit.id}\`.` });
      else seen.set(unit.id, unit);
    }
    problems.push(...checkUnit(file, unit, options));
  }
  problems.push(...buildGraph(file).problems);
  return problems.sort((a, b) => a.span.start - b.span.start);
}

function checkUnit(file: ParsedFile, unit: Unit, options: CheckOptions): Problem[] {
  const problems: Problem[] = [...unknownKeys(file, unit), ...setupProblems(file, unit, options)];
  problems.push(...referenceProblems(file, unit, options));
  const task = taskProblems(unit, problems);
  if (task) problems.push(...inputProblems(file, unit, task));
  return problems;
}

function unknownKeys(file: ParsedFile, unit: Unit): Problem[] {
  const known = UNIT_KEYS[file.kind];
  const problems: Problem[] = [];
  for (const pair of unit.map.items) {
    const key = keyName(pair);
    if (key === undefined || known.includes(key)) continue;
    const hint = closest(key, known);
    const span = spanOf(pair.key as Node)!;
    problems.push({
      span, severity: 'warning', code: 'unknown-key',
      message: `Unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}. A ${file.kind === 'recipe' ? 'component' : 'document'} has ${known.map((k) => `\`${k}\``).join(', ')}.`,
      fix: hint ? replaceFix(`Rename to \`${hint}\``, span, hint) : undefined,
    });
  }
  return problems;
}

/** The task's id when it is a known one; problems for a missing or unknown task. */
function taskProblems(unit: Unit, problems: Problem[]): string | undefined {
  const taskPair = pairOf(unit.map, 'task', false);
  if (!taskPair) {
    problems.push({ span: unit.lensSpan, severity: 'error', code: 'missing-task', message: `\`task\` is missing: one of the 17 task ids, e.g. \`TASK_SUMMARIZATION\`.` });
    return undefined;
  }
  if (unit.task === undefined) {
    const span = spanOf(taskPair.value) ?? spanOf(taskPair.key as Node)!;
    problems.push({ span, severity: 'error', code: 'unknown-task', message: '`task` must be one of the 17 task ids, e.g. `TASK_SUMMARIZATION`.' });
    return undefined;
  }
  if (findTask(unit.task)) return unit.task;
  const hint = suggestTask(unit.task);
  problems.push({
    span: unit.taskSpan!, severity: 'error', code: 'unknown-task',
    message: `Unknown task \`${unit.task}\`${hint ? ` — did you mean \`${hint}\`?` : '. Use one of the 17 task ids, e.g. `TASK_SUMMARIZATION`.'}`,
    fix: hint ? replaceFix(`Change to \`${hint}\``, unit.taskSpan!, hint) : undefined,
  });
  return undefined;
}

/** The task id a typo most likely meant: `summarization`, `TASK_SUMARIZATION`, `task-fill-mask`… */
export function suggestTask(written: string): string | undefined {
  const normal = written.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const withPrefix = normal.startsWith('TASK_') ? normal : `TASK_${normal}`;
  return closest(withPrefix, TASKS, 3) ?? TASKS.find((t) => t.includes(normal.replace(/^TASK_/, '')) && normal.length >= 4);
}

function inputProblems(file: ParsedFile, unit: Unit, task: string): Problem[] {
  const recipe = file.kind === 'recipe';
  const inputPair = pairOf(unit.map, 'input', recipe);
  const info = findTask(task)!;
  if (!inputPair || !isMap(inputPair.value)) {
    const indent = ' '.repeat(unit.indent);
    const fix = !inputPair ? insertLinesBelowFix('Add `input` with the default model', file.text, unit.span.end - 1, [`${indent}input:`, `${indent}  model: ${info.defaultModel}`]) : undefined;
    const span = inputPair ? spanOf(inputPair.value) ?? spanOf(inputPair.key as Node)! : unit.lensSpan;
    return [{ span, severity: 'error', code: 'invalid-field', message: `\`input\` must be a map of the task's fields (\`model\`, ${fieldList(task)}).`, fix }];
  }
  const inputNode = inputPair.value;
  const inputKeySpan = spanOf(inputPair.key as Node)!;
  // References stand in as their own text: problems on (or under) a whole-value reference are left to run time.
  const input = materialize(file.kind, unit, 'input', (value) => value);
  const problems: Problem[] = [];
  for (const p of validateInput(task, input)) {
    const target = nodeAtPointer(inputNode, pointerSegments(p.field), recipe);
    if (isWholeReference(target.node)) continue;
    const unknownField = /^unknown field/.test(p.message);
    const span = (unknownField || !target.found ? target.keySpan : undefined) ?? spanOf(target.node) ?? inputKeySpan;
    const problem: Problem = { span: target.found || unknownField ? span : target.keySpan ?? inputKeySpan, severity: 'error', code: 'invalid-field', message: sentence(p.message) };
    const typo = /did you mean "([^"]+)"/.exec(p.message)?.[1];
    if (unknownField && typo && target.keySpan) {
      const written = file.text.slice(target.keySpan.start, target.keySpan.end);
      const name = written.includes('-') ? toKebab(typo) : typo;
      problem.fix = replaceFix(`Rename to \`${name}\``, target.keySpan, name);
    }
    if (p.field === '/model' && !target.found && inputNode.items.length && !inputNode.flow) {
      problem.fix = insertLineAboveFix(`Add \`model: ${info.defaultModel}\``, file.text, (inputNode.items[0].key as Node).range![0], `model: ${info.defaultModel}`);
    }
    problems.push(problem);
  }
  problems.push(...parameterProblems(file, inputNode, task));
  return problems;
}

const fieldList = (task: string) =>
  Object.keys((getTaskSchemas(task).input.properties as Record<string, unknown>))
    .filter((k) => !['task', 'model', 'parameters', 'options'].includes(k))
    .map((k) => `\`${k}\``)
    .join(', ');

const sentence = (message: string) => `${message}.`;

function isWholeReference(node: Node): boolean {
  const value = stringValue(node);
  if (value === undefined) return false;
  const refs = [...value.matchAll(REFERENCE_PATTERN)];
  return refs.length === 1 && refs[0][0] === value.trim();
}

/** Parameters the task does not declare are sent as they are; a near miss of a declared one is likely a typo. */
function parameterProblems(file: ParsedFile, input: YAMLMap, task: string): Problem[] {
  const parameters = valueOf(input, 'parameters', file.kind === 'recipe');
  if (!isMap(parameters)) return [];
  const schema = (getTaskSchemas(task).input.properties as Record<string, { properties?: Record<string, unknown> }>).parameters;
  const declared = Object.keys(schema?.properties ?? {});
  const problems: Problem[] = [];
  for (const pair of parameters.items) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const name = file.kind === 'recipe' ? toSnake(key) : key;
    if (declared.includes(name)) continue;
    const span = spanOf(pair.key as Node)!;
    const hint = closest(name, declared);
    if (hint) {
      const shown = file.kind === 'recipe' && key.includes('-') ? toKebab(hint) : hint;
      problems.push({ span, severity: 'warning', code: 'unknown-parameter', message: `\`${key}\` is not a parameter of ${task} — did you mean \`${shown}\`? It would be sent as is.`, fix: replaceFix(`Rename to \`${shown}\``, span, shown) });
    } else {
      problems.push({ span, severity: 'information', code: 'unknown-parameter', message: `\`${key}\` is not one of ${task}'s declared parameters${declared.length ? ` (${declared.join(', ')})` : ''}; it is sent as is.` });
    }
  }
  return problems;
}

function setupProblems(file: ParsedFile, unit: Unit, options: CheckOptions): Problem[] {
  const recipe = file.kind === 'recipe';
  const setup = valueOf(unit.map, 'setup', recipe);
  if (!setup) return [];
  if (!isMap(setup)) return [{ span: spanOf(setup)!, severity: 'error', code: 'invalid-field', message: '`setup` must be a map (`base_url`, `is_custom_endpoint`).' }];
  const problems: Problem[] = [];
  for (const pair of setup.items) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const name = toSnake(key);
    const keySpan = spanOf(pair.key as Node)!;
    const value = pair.value as Node | null;
    if (name === 'api_key') {
      // Recipes name the key as `${secret.…}`, which is the stored token; a written key is never accepted.
      if (recipe && isWholeReference(value as Node) && /^\$\{\s*secret\./.test(stringValue(value)!.trim())) continue;
      problems.push({
        span: spanOf(value) ?? keySpan, severity: 'error', code: 'key-in-file',
        message: `Do not write your Hugging Face key into a file: it is kept in VS Code's secret storage (run "Hugging Face: Set API Token")${recipe ? ', or name it as `${secret.hf-token}`' : ''}.`,
        fix: removePairFix(`Remove \`${key}\` from the file`, file.text, pair as never),
      });
    } else if (!SETUP_KEYS.includes(name)) {
      const hint = closest(name, SETUP_KEYS);
      problems.push({ span: keySpan, severity: 'warning', code: 'unknown-key', message: `Unknown setup field \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}. Setup overrides are \`base_url\` and \`is_custom_endpoint\`; the key comes from secret storage.` });
    } else if (name === 'base_url' && stringValue(value) !== undefined && !stringValue(value)!.includes('${')) {
      problems.push(...baseUrlProblems(file, pair as never, stringValue(value)!, options));
    }
  }
  return problems;
}

function baseUrlProblems(file: ParsedFile, pair: Parameters<typeof removePairFix>[2], url: string, options: CheckOptions): Problem[] {
  const span = spanOf(pair.value)!;
  if (isRetiredBaseUrl(url)) {
    return [{ span, severity: 'information', code: 'retired-endpoint', message: `${url} is retired (it answers 410): runs use the base URL from your settings instead.`, fix: removePairFix('Remove the retired base URL', file.text, pair) }];
  }
  if (!options.trusted) {
    return [{ span, severity: 'warning', code: 'untrusted', message: 'This workspace is not trusted: its files cannot send your token to another server, so runs use the base URL from your settings.' }];
  }
  return [];
}

function referenceProblems(file: ParsedFile, unit: Unit, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(file.units.map((u) => [u.id, u]));
  for (const found of findReferences(file, unit)) {
    const problem = referenceProblem(file, unit.index, found, byId, options);
    if (problem) problems.push(problem);
  }
  return problems;
}

function referenceProblem(file: ParsedFile, unitIndex: number, found: FoundReference, byId: Map<string | undefined, Unit>, options: CheckOptions): Problem | undefined {
  const { ref, span } = found;
  const error = (message: string, fix?: Problem['fix']): Problem => ({ span, severity: 'error', code: 'unknown-reference', message, fix });
  switch (ref.kind) {
    case 'invalid':
      return error(ref.reason);
    case 'variable': {
      if (file.kind !== 'recipe') return error('`${variable.…}` belongs to Instill recipes; in a component file, write the value or use `${selection}`, `${file:…}` or `${env:…}`.');
      if (file.variables.has(ref.name)) return undefined;
      const hint = closest(ref.name, [...file.variables.keys()]);
      return error(
        `The recipe has no variable \`${ref.name}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}. Declare it under \`variable:\`.`,
        hint ? replaceFix(`Change to \`\${variable.${hint}}\``, span, `\${variable.${hint}}`) : undefined,
      );
    }
    case 'secret':
      if (file.kind !== 'recipe') return error('`${secret.…}` belongs to Instill recipes; component files never name the key — it comes from secret storage.');
      return found.at.length === 2 && found.at[0] === 'setup' && toSnake(String(found.at[1])) === 'api_key' ? undefined : error("`${secret.…}` can only be the setup's `api-key`: your token is never put into an input.");
    case 'env':
      return options.trusted ? undefined : { span, severity: 'warning', code: 'untrusted', message: `\`\${env:${ref.name}}\` is not read in an untrusted workspace: trust the workspace to use environment variables.` };
    case 'file':
      return /^([/\\]|[A-Za-z]:)/.test(ref.path) ? error('`${file:…}` takes a path relative to this file.') : undefined;
    case 'output': {
      const source = byId.get(ref.source);
      // Unknown or later sources are reported by the graph, unknown tasks on their own line.
      if (!source?.task || !findTask(source.task) || (file.kind === 'components' && source.index >= unitIndex)) return undefined;
      const check = checkOutputPath(source.task, ref.path);
      if (!check.problem) return undefined;
      const fixed = check.problem.suggestion ? `\${${ref.source}.output.${formatPath(check.problem.suggestion)}}` : undefined;
      return error(check.problem.message, fixed ? replaceFix(`Change to \`${fixed}\``, span, fixed) : undefined);
    }
    case 'selection':
      return undefined;
  }
}
