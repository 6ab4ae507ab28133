// Which unit uses which unit's output, in what order they run, and the cycles
// that make a recipe impossible to run.
import { findReferences, type FoundReference } from './references';
import type { ParsedFile, Problem, Unit } from './types';

export interface Dependency {
  /** The unit whose input holds the reference. */
  from: number;
  /** The unit whose output it uses. */
  to: number;
  found: FoundReference;
}

export interface Graph {
  edges: Dependency[];
  /** References to units that do not exist or cannot be used from there. */
  problems: Problem[];
}

/** The first unit with each id (a duplicate name is reported by the checks). */
export function unitsById(file: ParsedFile): Map<string, Unit> {
  const byId = new Map<string, Unit>();
  for (const u of file.units) if (u.id !== undefined && !byId.has(u.id)) byId.set(u.id, u);
  return byId;
}

export function buildGraph(file: ParsedFile): Graph {
  const byId = unitsById(file);
  const graph: Graph = { edges: [], problems: [] };
  for (const unit of file.units) {
    for (const found of findReferences(file, unit)) {
      if (found.ref.kind !== 'output') continue;
      const source = found.ref.source;
      const target = byId.get(source);
      const problem = (code: Problem['code'], message: string) => graph.problems.push({ span: found.span, severity: 'error', code, message });
      if (!target) {
        if (file.otherComponents.has(source)) problem('unknown-reference', `\`${source}\` is not a hugging-face component: only those run in the editor.`);
        else problem('unknown-reference', `No ${file.kind === 'recipe' ? 'hugging-face component' : 'document'} is called \`${source}\`${knownIds(byId)}.`);
      } else if (file.kind === 'components' && target.index >= unit.index) {
        problem('reference-order', target === unit ? 'A document cannot use its own output.' : `\`${source}\` comes later in the file: a document can only use the outputs of documents above it.`);
      } else {
        graph.edges.push({ from: unit.index, to: target.index, found });
      }
    }
  }
  graph.problems.push(...cycleProblems(file, graph.edges));
  return graph;
}

function knownIds(byId: Map<string, Unit>): string {
  return byId.size ? ` (known: ${[...byId.keys()].join(', ')})` : '';
}

const label = (file: ParsedFile, index: number) => file.units[index].id ?? `#${index + 1}`;

/** An error on every reference that is part of a cycle, naming the whole cycle. */
function cycleProblems(file: ParsedFile, edges: Dependency[]): Problem[] {
  const problems: Problem[] = [];
  for (const edge of edges) {
    const back = pathBetween(edges, edge.to, edge.from);
    if (!back) continue;
    const cycle = [edge.from, ...back].map((i) => label(file, i)).join(' → ');
    problems.push({ span: edge.found.span, severity: 'error', code: 'reference-cycle', message: `These components wait for each other's output: ${cycle}.` });
  }
  return problems;
}

/** The units from `start` to `goal` following dependencies (both ends included), if `goal` is reachable. */
function pathBetween(edges: Dependency[], start: number, goal: number): number[] | undefined {
  const previous = new Map<number, number>([[start, start]]);
  const queue = [start];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === goal) {
      const path = [at];
      while (path[0] !== start) path.unshift(previous.get(path[0])!);
      return path;
    }
    for (const e of edges) {
      if (e.from === at && !previous.has(e.to)) {
        previous.set(e.to, at);
        queue.push(e.to);
      }
    }
  }
  return undefined;
}

/**
 * The units to run for `targets`, each after the units whose output it uses.
 * Throws a `CycleError` naming the cycle when there is one.
 */
export function runOrder(file: ParsedFile, edges: Dependency[], targets: readonly number[]): number[] {
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (index: number, trail: number[]) => {
    if (state.get(index) === 'done') return;
    if (state.get(index) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(index)), index].map((i) => label(file, i));
      throw new CycleError(`These components wait for each other's output: ${cycle.join(' → ')}.`);
    }
    state.set(index, 'visiting');
    for (const e of edges) if (e.from === index) visit(e.to, [...trail, index]);
    state.set(index, 'done');
    order.push(index);
  };
  for (const t of targets) visit(t, []);
  return order;
}

export class CycleError extends Error {}
