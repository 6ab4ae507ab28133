// A unit's `input` / `setup` as the executor wants them: plain values with the
// spec's snake_case field names, string scalars passed through `leaf` (which
// substitutes references, or stands in for them while checking).
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { toSnake } from './naming';
import type { FileKind, Unit } from './types';
import { keyName, valueOf } from './yamlNodes';

/** Maps the text of a string scalar to the value it stands for. */
export type Leaf = (value: string) => unknown;

/** Maps where recipe field names are the spec's own: the input and setup, and the input's inputs, parameters and options. */
const NAMED_FIELDS = new Set(['parameters', 'options', 'inputs']);

export function materialize(kind: FileKind, unit: Unit, field: 'input' | 'setup', leaf: Leaf): unknown {
  const node = valueOf(unit.map, field, kind === 'recipe');
  return node ? toValue(unit.doc, node, kind === 'recipe' ? [field] : undefined, leaf) : undefined;
}

/** `renameAt`: the path of field names while they are still the spec's (recipes only); undefined once inside user data such as a table. */
function toValue(doc: Document, node: Node, renameAt: string[] | undefined, leaf: Leaf): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const renames = renameAt !== undefined && (renameAt.length === 1 || (renameAt.length === 2 && renameAt[0] === 'input' && NAMED_FIELDS.has(renameAt[1])));
    for (const pair of node.items) {
      const written = keyName(pair);
      if (written === undefined) continue;
      const key = renames ? toSnake(written) : written;
      out[key] = pair.value ? toValue(doc, pair.value as Node, renames ? [...renameAt, key] : undefined, leaf) : null;
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toValue(doc, item as Node, undefined, leaf));
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? toValue(doc, target, renameAt, leaf) : null;
  }
  if (isScalar(node)) return typeof node.value === 'string' ? leaf(node.value) : node.toJSON();
  return null;
}
