// Options a command accepts as its argument, so that automation (other extensions,
// keybindings with `args`, tests) can answer the prompts the interactive path shows.
// Anything of the wrong type is ignored and the prompt is shown instead (pure module).

export type Placement = 'replace' | 'insertBelow';

/** Where a caption or transcript goes. */
export type Destination = 'newEditor' | 'cursor';

export interface CommandArgs {
  /** Skips the model picker. */
  model?: string;
  /** Where a text result goes; skips the `ask` prompt. */
  placement?: Placement;
  /** Captions and transcripts: a new editor, or the active editor's cursor; skips the prompt. */
  destination?: Destination;
  /** Extra task parameters, passed to the executor as given. */
  parameters?: Record<string, unknown>;
  /** Zero-shot candidate labels. */
  labels?: string[];
  multiLabel?: boolean;
  /** Question answering's question, table QA's query, the chat message. */
  question?: string;
  query?: string;
  message?: string;
}

export function parseCommandArgs(arg: unknown): CommandArgs {
  if (!isPlainObject(arg)) return {};
  const out: CommandArgs = {};
  if (nonEmpty(arg.model)) out.model = arg.model.trim();
  if (arg.placement === 'replace' || arg.placement === 'insertBelow') out.placement = arg.placement;
  if (arg.destination === 'newEditor' || arg.destination === 'cursor') out.destination = arg.destination;
  if (isPlainObject(arg.parameters)) out.parameters = arg.parameters;
  const labels = Array.isArray(arg.labels) ? arg.labels.filter((l): l is string => typeof l === 'string') : typeof arg.labels === 'string' ? parseLabels(arg.labels) : [];
  if (labels.length) out.labels = parseLabels(labels.join(','));
  if (typeof arg.multiLabel === 'boolean') out.multiLabel = arg.multiLabel;
  for (const key of ['question', 'query', 'message'] as const) {
    const value = arg[key];
    if (nonEmpty(value)) out[key] = value;
  }
  return out;
}

/** "a, b,,a" → ["a", "b"]: trimmed, no empties, no duplicates, in order. */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(',').map((l) => l.trim()).filter(Boolean))];
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
