// Small helpers over the `yaml` package's node tree: finding pairs by field name
// (in either spelling for recipes), spans of nodes, and the node a JSON pointer
// names.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { sameField } from './naming';
import type { Span } from './types';

/** The span of a node's value (its comments excluded). */
export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

export function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

/** The pair of `map` for field `name`; `anySpelling` also accepts the kebab/snake twin. */
export function pairOf(map: YAMLMap, name: string, anySpelling: boolean): Pair<Node, Node | null> | undefined {
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = keyName(item);
    if (key !== undefined && (key === name || (anySpelling && sameField(key, name)))) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

export function valueOf(map: YAMLMap, name: string, anySpelling: boolean): Node | null | undefined {
  return pairOf(map, name, anySpelling)?.value;
}

/** A scalar's value when it is a string. */
export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export interface PointerTarget {
  /** The deepest node on the pointer's path that exists. */
  node: Node;
  /** Whether the whole pointer was found (false: a missing field, `node` is its parent). */
  found: boolean;
  /** When the last step is a map entry: its key's span. */
  keySpan?: Span;
}

/**
 * Follows JSON pointer segments (snake_case field names, list indexes) from `root`.
 * Missing fields stop at the deepest existing node, so a "model is required"
 * problem can point at the map that lacks it.
 */
export function nodeAtPointer(root: Node, segments: readonly string[], anySpelling: boolean): PointerTarget {
  let node: Node = root;
  let keySpan: Span | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = pairOf(node, segment, anySpelling);
      if (!pair || !pair.value) return { node, found: false, keySpan: pair ? spanOf(pair.key as Node) : keySpan };
      keySpan = spanOf(pair.key as Node);
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
      node = node.items[Number(segment)] as Node;
      keySpan = undefined;
    } else {
      return { node, found: false, keySpan };
    }
  }
  return { node, found: true, keySpan };
}

/** Splits a JSON pointer (`/parameters/top_k`) into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  return pointer ? pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}

/** The column of an offset (characters since the start of its line). */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The start of the line holding `offset`. */
// (lastIndexOf with a negative start still looks at index 0: a text opening with a
// newline would put the first line's start after it, and callers walking up lines loop.)
export const lineStart = (text: string, offset: number): number => (offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1);

/** Just past the end of the line holding `offset` (after its newline, or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}
