// Resolving `${…}` references when a unit runs: files (text, or base64 for media),
// the selection, environment variables, recipe variables and secrets, and the
// outputs of units that ran before.
import { followOutputPath } from './outputPaths';
import { formatPath, REFERENCE_PATTERN, type FoundReference } from './references';
import type { RecipeVariable } from './types';

/** What references need from the editor. */
export interface ReferenceHost {
  /** The bytes of a file named relative to the component file (the host resolves and confines the path). */
  readFile(relativePath: string): Promise<Uint8Array>;
  /** The text the user selected in another editor, if any. */
  selection(): string | undefined | Promise<string | undefined>;
  env(name: string): string | undefined;
  trusted: boolean;
  /** The stored token ('' when none). */
  token(): Promise<string>;
  /** A recipe variable's value, asked for (and remembered) by the host; undefined when the user cancels. */
  askVariable(variable: RecipeVariable): Promise<string | undefined>;
}

/** A reference that could not be resolved; `cancelled` when the user dismissed a prompt. */
export class ReferenceFailure extends Error {
  constructor(
    message: string,
    readonly found: FoundReference,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

const MEDIA_EXTENSIONS = /\.(png|jpe?g|gif|webp|bmp|tiff?|wav|flac|mp3|ogg|oga|m4a|webm|aac)$/i;

export interface ResolveState {
  host: ReferenceHost;
  variables: Map<string, RecipeVariable>;
  /** Outputs of the units that ran, by id. */
  outputs: Map<string, unknown>;
  /** Variables already answered in this run (each is asked once). */
  answers: Map<string, unknown>;
}

export async function resolveReference(found: FoundReference, state: ResolveState): Promise<unknown> {
  const { ref } = found;
  const { host } = state;
  const fail = (message: string, cancelled = false): never => {
    throw new ReferenceFailure(message, found, cancelled);
  };
  switch (ref.kind) {
    case 'invalid':
      return fail(ref.reason);
    case 'file': {
      let bytes: Uint8Array;
      try {
        bytes = await host.readFile(ref.path);
      } catch (e) {
        return fail(`Cannot read \`${ref.path}\`: ${e instanceof Error ? e.message : String(e)}`);
      }
      const media = MEDIA_EXTENSIONS.test(ref.path) || found.at[1] === 'image' || found.at[1] === 'audio';
      return media ? Buffer.from(bytes).toString('base64') : new TextDecoder().decode(bytes);
    }
    case 'selection': {
      const text = await host.selection();
      return text ? text : fail('`${selection}` needs selected text: select some text in another editor, then run again.');
    }
    case 'env': {
      if (!host.trusted) return fail(`\`\${env:${ref.name}}\` is not read in an untrusted workspace.`);
      const value = host.env(ref.name);
      return value !== undefined ? value : fail(`The environment variable ${ref.name} is not set.`);
    }
    case 'secret':
      return host.token();
    case 'variable': {
      const variable = state.variables.get(ref.name);
      if (!variable) return fail(`The recipe has no variable \`${ref.name}\`.`);
      if (state.answers.has(ref.name)) return state.answers.get(ref.name);
      let answer: string | undefined;
      try {
        answer = await host.askVariable(variable);
      } catch (e) {
        // A picked file that cannot be used (too large, unreadable).
        return fail(`Cannot use the value for \`${ref.name}\`: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (answer === undefined) return fail(`No value was given for \`${ref.name}\`.`, true);
      const value = typed(answer, variable.type);
      state.answers.set(ref.name, value);
      return value;
    }
    case 'output': {
      if (!state.outputs.has(ref.source)) return fail(`\`${ref.source}\` has not run.`);
      const got = followOutputPath(state.outputs.get(ref.source), ref.path);
      return 'value' in got ? got.value : fail(`\`${ref.source}.output${ref.path.length ? `.${formatPath(ref.path)}` : ''}\`: ${got.missing}.`);
    }
  }
}

/** A variable's answer as the type the recipe declares (`number`, `boolean`, `array:string`…). */
function typed(answer: string, type: string | undefined): unknown {
  const t = (type ?? 'string').toLowerCase();
  if ((t === 'number' || t === 'integer') && answer.trim() !== '' && Number.isFinite(Number(answer))) return Number(answer);
  if (t === 'boolean' && /^(true|false)$/i.test(answer.trim())) return answer.trim().toLowerCase() === 'true';
  if (t.startsWith('array')) {
    try {
      const parsed: unknown = JSON.parse(answer);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: a comma-separated list
    }
    return answer.split(',').map((s) => s.trim()).filter(Boolean);
  }
  return answer;
}

/** A string scalar with its references replaced: a whole reference keeps its value's type; embedded ones become text. */
export function interpolate(value: string, resolved: Map<string, unknown>): unknown {
  const refs = [...value.matchAll(REFERENCE_PATTERN)];
  if (refs.length === 1 && refs[0][0] === value.trim()) return resolved.get(refs[0][1]);
  return value.replace(REFERENCE_PATTERN, (_m, body: string) => {
    const v = resolved.get(body);
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}
