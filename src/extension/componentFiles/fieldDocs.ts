// What each field means, for completions and hovers: the executor's schemas
// (which carry the spec's field ids, titles and descriptions) and the spec's
// setup table.
import { findTask, getTaskSchemas } from '../../executor';
import { toSnake } from './naming';
import type { FileKind } from './types';

export type Schema = Record<string, unknown>;

export interface FieldDoc {
  name: string;
  /** One line: type, bounds, allowed values, required. */
  summary: string;
  description: string;
  schema?: Schema;
}

/** The spec's setup fields (the key is never written in a file). */
const SETUP_DOCS: Record<string, string> = {
  base_url: 'Hostname for the endpoint (the spec\'s Base URL). Leave it out to use the `huggingface.baseUrl` setting; set it to your own Inference Endpoint or TGI/TEI server. Sending your token to another server is asked for first, and never done from an untrusted workspace.',
  is_custom_endpoint: 'Fill true if you are using a custom Inference Endpoint and not the Inference API: requests then go to `base_url` itself.',
  api_key: 'Not written in files: your Hugging Face token is kept in VS Code\'s secret storage ("Hugging Face: Set API Token").',
};

const UNIT_DOCS: Record<string, string> = {
  task: 'The task to run: one of the 17 task ids of the Hugging Face component, e.g. `TASK_SUMMARIZATION`.',
  input: "The task's input, exactly as the spec defines it: `model`, then the task's fields (`inputs`, `image` or `audio`), `parameters` and `options`.",
  setup: 'Connection overrides for this component (`base_url`, `is_custom_endpoint`). The key always comes from secret storage.',
  name: 'What later documents call this one: `${<name>.output.<field>}` uses its output.',
  type: 'The component type: `hugging-face` components run in the editor.',
  condition: 'An Instill condition: the component runs in a pipeline only when it holds (ignored when run from the editor).',
};

/** The schema at `path` (field names from the input's root) in `task`'s input schema. */
export function inputSchemaAt(task: string, path: readonly (string | number)[]): Schema | undefined {
  if (!findTask(task)) return undefined;
  let schema: Schema | undefined = getTaskSchemas(task).input;
  for (const step of path) {
    if (!schema) return undefined;
    if (typeof step === 'number') schema = schema.items as Schema | undefined;
    else {
      const properties = schema.properties as Record<string, Schema> | undefined;
      const additional = schema.additionalProperties;
      schema = properties?.[toSnake(step)] ?? (typeof additional === 'object' ? (additional as Schema) : undefined);
    }
  }
  return schema;
}

/** The fields a map at `path` of `task`'s input may hold (root: `model`, `inputs`… without `task`). */
export function fieldsAt(task: string, path: readonly string[]): FieldDoc[] {
  const schema = inputSchemaAt(task, path);
  const properties = schema?.properties as Record<string, Schema> | undefined;
  if (!properties) return [];
  const required = (schema!.required as string[] | undefined) ?? [];
  return Object.entries(properties)
    .filter(([name]) => !(path.length === 0 && name === 'task'))
    .map(([name, s]) => describe(name, s, required.includes(name)));
}

export function describe(name: string, schema: Schema, required: boolean): FieldDoc {
  const parts = [typeName(schema)];
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}–${schema.maximum}`);
  else if (schema.minimum !== undefined && schema.minimum !== 0) parts.push(`≥ ${schema.minimum}`);
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.join(', ')}`);
  if (required) parts.push('required');
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  const description = typeof schema.description === 'string' ? schema.description : '';
  return { name, summary: parts.join(' · '), description: title && title !== description ? `${title}: ${description}` : description, schema };
}

function typeName(schema: Schema): string {
  const type = schema.type;
  if (type === 'array') {
    const items = schema.items as Schema | undefined;
    return items && typeof items.type === 'string' ? `list of ${items.type}s` : 'list';
  }
  if (schema.contentEncoding === 'base64') return 'base64 string (use ${file:…})';
  return Array.isArray(type) ? type.join(' | ') : String(type ?? 'any');
}

/** Docs of a unit's own keys (`task`, `input`…) and of setup fields. */
export function unitKeyDoc(kind: FileKind, name: string): FieldDoc | undefined {
  const description = UNIT_DOCS[name];
  if (!description || (kind === 'components' && (name === 'type' || name === 'condition')) || (kind === 'recipe' && name === 'name')) return undefined;
  return { name, summary: name === 'task' ? 'task id · required' : name === 'input' ? 'map · required' : 'map', description };
}

export function setupDoc(name: string): FieldDoc | undefined {
  const snake = toSnake(name);
  const description = SETUP_DOCS[snake];
  if (!description) return undefined;
  return { name: snake, summary: snake === 'is_custom_endpoint' ? 'boolean' : 'string', description };
}

export const SETUP_FIELDS = ['base_url', 'is_custom_endpoint'];

export function taskDoc(task: string): string | undefined {
  const info = findTask(task);
  if (!info) return undefined;
  const served = info.availability === 'served' ? 'served by Hugging Face\'s hf-inference' : info.availability === 'chat' ? 'served through chat completions on the router' : 'no longer served by hf-inference: use a dedicated Inference Endpoint (`setup.base_url`, `is_custom_endpoint: true`)';
  return `**${info.title}** (\`${info.id}\`) — Hub models tagged \`${info.pipelineTag}\`; default model \`${info.defaultModel}\`; ${served}.`;
}
