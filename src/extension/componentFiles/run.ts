// Running units: the ones asked for, each after the units whose output it uses;
// references resolved, the setup decided, the executor called, and every failure
// tied to the place in the file that caused it.
import { isComponentError, type Request, type Setup } from '../../executor';
import { buildGraph, CycleError, runOrder } from './graph';
import { materialize } from './materialize';
import { findReferences } from './references';
import { interpolate, ReferenceFailure, resolveReference, type ReferenceHost, type ResolveState } from './resolve';
import { decideSetup, SetupRefused } from './setup';
import type { ParsedFile, Span, Unit } from './types';
import { nodeAtPointer, pairOf, pointerSegments, spanOf, valueOf } from './yamlNodes';

export interface RunHost extends ReferenceHost {
  /** Runs one request (the extension: through the executor with the user's network settings). */
  execute(request: Request, signal?: AbortSignal): Promise<unknown>;
  /** The configured connection (`base_url`, `is_custom_endpoint`); the key comes from `token()`. */
  setup: Setup;
  /** Whether the token may go to `origin`, named by a file's `setup.base_url`. */
  allowEndpoint(origin: string): Promise<boolean>;
  signal?: AbortSignal;
  /** Called before each unit runs (for progress). */
  onUnit?(unit: Unit, position: number, total: number): void;
}

export interface UnitRun {
  unit: Unit;
  task: string;
  /** The input as sent, references resolved (media as base64). */
  input: Record<string, unknown>;
  output: unknown;
  durationMs: number;
}

export interface FailureDetails {
  unit?: Unit;
  /** The place in the file that caused the failure. */
  span: Span;
  /** The executor's error code (`HTTP`, `CANCELLED`…), when the executor failed. */
  code?: string;
  status?: number;
  /** The model the failed request named. */
  model?: string;
  /** The user stopped the run (cancel, a dismissed prompt, a refused endpoint). */
  cancelled?: boolean;
}

/** A run that stopped: where in the file, and why. */
export class RunFailure extends Error {
  readonly unit?: Unit;
  readonly span: Span;
  readonly code?: string;
  readonly status?: number;
  readonly model?: string;
  readonly cancelled: boolean;
  /** The units that ran before this failure (their results are still worth showing). */
  completed: UnitRun[] = [];

  constructor(message: string, details: FailureDetails) {
    super(message);
    this.unit = details.unit;
    this.span = details.span;
    this.code = details.code;
    this.status = details.status;
    this.model = details.model;
    this.cancelled = details.cancelled ?? false;
  }
}

/** Runs `targets` (unit indexes) and whatever they depend on; returns every unit's run, in the order they ran. */
export async function runUnits(file: ParsedFile, targets: readonly number[], host: RunHost): Promise<UnitRun[]> {
  const graph = buildGraph(file);
  let order: number[];
  try {
    order = runOrder(file, graph.edges, targets);
  } catch (e) {
    if (!(e instanceof CycleError)) throw e;
    const problem = graph.problems.find((p) => p.code === 'reference-cycle');
    throw new RunFailure(e.message, { span: problem?.span ?? file.units[targets[0]].lensSpan });
  }
  const involved = order.map((i) => file.units[i]);
  const blocking = graph.problems.find((p) => involved.some((u) => p.span.start >= u.span.start && p.span.end <= u.span.end));
  if (blocking) throw new RunFailure(blocking.message, { unit: involved.find((u) => blocking.span.start >= u.span.start), span: blocking.span });

  const state: ResolveState = { host, variables: file.variables, outputs: new Map(), answers: new Map() };
  const runs: UnitRun[] = [];
  try {
    for (const [position, unit] of involved.entries()) {
      if (host.signal?.aborted) throw new RunFailure('Cancelled.', { unit, span: unit.lensSpan, code: 'CANCELLED', cancelled: true });
      host.onUnit?.(unit, position, involved.length);
      const run = await runUnit(file, unit, state, host);
      if (unit.id !== undefined) state.outputs.set(unit.id, run.output);
      runs.push(run);
    }
  } catch (e) {
    if (e instanceof RunFailure) e.completed = runs;
    throw e;
  }
  return runs;
}

async function runUnit(file: ParsedFile, unit: Unit, state: ResolveState, host: RunHost): Promise<UnitRun> {
  const resolved = new Map<string, unknown>();
  for (const found of findReferences(file, unit)) {
    if (resolved.has(found.body)) continue;
    try {
      resolved.set(found.body, await resolveReference(found, state));
    } catch (e) {
      if (e instanceof ReferenceFailure) throw new RunFailure(e.message, { unit, span: e.found.span, cancelled: e.cancelled });
      throw e;
    }
  }
  const leaf = (value: string) => interpolate(value, resolved);
  const input = (materialize(file.kind, unit, 'input', leaf) ?? {}) as Record<string, unknown>;
  const setup = await runSetup(file, unit, materialize(file.kind, unit, 'setup', leaf), host);
  const task = unit.task ?? '';
  const started = performance.now();
  try {
    const output = await host.execute({ task, setup, input: input as Request['input'] }, host.signal);
    return { unit, task, input, output, durationMs: Math.round(performance.now() - started) };
  } catch (e) {
    if (!isComponentError(e)) throw e;
    throw new RunFailure(e.message, { unit, span: spanOfField(file, unit, e.field), code: e.code, status: e.status, model: typeof input.model === 'string' ? input.model : undefined, cancelled: e.code === 'CANCELLED' });
  }
}

async function runSetup(file: ParsedFile, unit: Unit, overrides: unknown, host: RunHost): Promise<Setup> {
  const token = await host.token();
  try {
    const decision = decideSetup(overrides, host.setup, token, host.trusted);
    if (decision.consentFor && !(await host.allowEndpoint(decision.consentFor))) {
      throw new RunFailure(`Not run: sending your token to ${decision.consentFor} was not allowed.`, { unit, span: spanOfField(file, unit, '/setup/base_url'), cancelled: true });
    }
    return decision.setup;
  } catch (e) {
    if (e instanceof SetupRefused) throw new RunFailure(e.message, { unit, span: spanOfField(file, unit, `/setup${e.field}`) });
    throw e;
  }
}

/**
 * Where a field named by the executor (`/parameters/top_k`, `/task`, `/setup/base_url`)
 * is in the file; the unit's first line when it is not there.
 */
function spanOfField(file: ParsedFile, unit: Unit, field: string | undefined): Span {
  const recipe = file.kind === 'recipe';
  if (field === undefined) return unit.lensSpan;
  if (field === '/task') return unit.taskSpan ?? unit.lensSpan;
  const [root, rest] = field.startsWith('/setup') ? ['setup', field.slice('/setup'.length)] : ['input', field];
  const pair = pairOf(unit.map, root, recipe);
  const node = valueOf(unit.map, root, recipe);
  if (!pair || !node) return unit.lensSpan;
  const target = nodeAtPointer(node, pointerSegments(rest), recipe);
  return (target.found ? spanOf(target.node) : target.keySpan) ?? spanOf(pair.key as never) ?? unit.lensSpan;
}
