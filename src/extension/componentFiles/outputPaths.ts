// Paths into a component's output (`results[0].label`): checked against the
// task's output schema while typing, followed in the real output when running.
import { getTaskSchemas } from '../../executor';
import { closest, toSnake } from './naming';
import { formatPath, type PathStep } from './references';

type Schema = Record<string, unknown>;

export interface PathCheck {
  /** The schema the path reaches (undefined when the path is wrong or goes past what the schema says). */
  schema?: Schema;
  /** What is wrong, with a corrected path when a field name looks like a typo. */
  problem?: { message: string; suggestion?: PathStep[] };
}

const propertiesOf = (schema: Schema) => schema.properties as Record<string, Schema> | undefined;

/** Follows `path` through `task`'s output schema (field names in either spelling). */
export function checkOutputPath(task: string, path: readonly PathStep[]): PathCheck {
  let schema: Schema = getTaskSchemas(task).output;
  for (const [i, step] of path.entries()) {
    const here = i === 0 ? `${task}'s output` : `\`${formatPath(path.slice(0, i))}\``;
    if (typeof step === 'number') {
      if (schema.type !== 'array') return { problem: { message: `${here} is not a list: it cannot be indexed with [${step}].` } };
      schema = (schema.items as Schema) ?? {};
      continue;
    }
    if (schema.type === 'array') return { problem: { message: `${here} is a list: pick an item first, e.g. [0].${step}.` } };
    const properties = propertiesOf(schema);
    if (!properties) return {}; // nothing more is known about this value
    const name = toSnake(step);
    if (properties[name]) {
      schema = properties[name];
      continue;
    }
    const hint = closest(name, Object.keys(properties));
    const message = `${here} has no field \`${step}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}. Its fields: ${Object.keys(properties).join(', ')}.`;
    return { problem: { message, suggestion: hint ? [...path.slice(0, i), hint, ...path.slice(i + 1)] : undefined } };
  }
  return { schema };
}

/** The value at `path` in a real output; field names match in either spelling. */
export function followOutputPath(output: unknown, path: readonly PathStep[]): { value: unknown } | { missing: string } {
  let value = output;
  for (const [i, step] of path.entries()) {
    const shown = formatPath(path.slice(0, i + 1));
    if (typeof step === 'number') {
      if (!Array.isArray(value) || step >= value.length) return { missing: `the output has no \`${shown}\`${Array.isArray(value) ? ` (the list has ${value.length} item${value.length === 1 ? '' : 's'})` : ''}` };
      value = value[step];
    } else {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return { missing: `the output has no \`${shown}\`` };
      const record = value as Record<string, unknown>;
      const key = step in record ? step : toSnake(step);
      if (!(key in record)) return { missing: `the output has no \`${shown}\`` };
      value = record[key];
    }
  }
  return { value };
}
