// The one message protocol between a task panel's webview and the extension host.
// Both sides import these types; the host checks every incoming message with
// `parseWebviewMessage` (messageGuards.ts) before acting on it. Type-only imports
// keep the executor out of the webview bundle.
import type { FieldProblem, JsonObject, TaskId, TaskInfo } from '../executor';

export const PANEL_VIEW_TYPE = 'huggingface.taskPanel';

/** Largest image or audio file a panel accepts (the bytes travel base64-encoded). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
/** Largest text the webview may ask the host to copy or insert. */
export const MAX_TEXT_CHARS = 8_000_000;
/** Largest `inputs` + `parameters` + `options`, serialized. */
export const MAX_INPUT_CHARS = 4_000_000;
export const MAX_QUERY_CHARS = 200;
export const MAX_MODEL_CHARS = 300;
export const MAX_FILE_NAME_CHARS = 1024;

/** An image or audio file held by the webview. It travels as data, never as a path or URI. */
export interface MediaFile {
  /** Shown to the user, always as text. */
  name: string;
  /** `image/*` or `audio/*`. */
  mime: string;
  base64: string;
}

/** A task input as a panel's form builds it: the spec's fields, the media apart. */
export interface PanelInput {
  model: string;
  inputs?: unknown;
  parameters?: JsonObject;
  options?: { wait_for_model?: boolean; use_cache?: boolean; use_gpu?: boolean };
  /** The task's image or audio (`image`/`audio` in the spec). */
  media?: MediaFile;
}

/** What a panel opens with or is asked to show: an input and, optionally, its result. */
export interface Prefill {
  input: PanelInput;
  output?: unknown;
  durationMs?: number;
}

export interface ModelHit {
  id: string;
  downloads?: number;
  /** Whether an inference provider serves it, when known. */
  served?: boolean;
}

/** Requests the webview makes, each answered by one `response` with the same id. */
export interface Requests {
  validate: { input: PanelInput };
  pickFile: Record<string, never>;
  useSelection: Record<string, never>;
  insert: { text: string };
  copy: { text: string };
  searchModels: { query: string };
}

export interface Responses {
  validate: { problems: FieldProblem[] };
  pickFile: { media?: MediaFile; error?: string };
  useSelection: { text?: string; error?: string };
  insert: { ok: boolean; message?: string };
  copy: { ok: boolean; message?: string };
  searchModels: { models: ModelHit[]; error?: string };
}

export type RequestType = keyof Requests;

export type RequestMessage = { [K in RequestType]: { type: K; id: number } & Requests[K] }[RequestType];

export type WebviewToHost =
  /** The script is loaded: the host answers with `init`. */
  | { type: 'ready' }
  /** Runs the task; answered by `status`/`delta` messages, then `result` or `runError`, all with this id. */
  | { type: 'run'; id: number; input: PanelInput }
  | { type: 'cancel'; id: number }
  | RequestMessage;

export type HostToWebview =
  | { type: 'init'; task: TaskInfo; schema: JsonObject; prefill?: Prefill }
  | { type: 'show'; prefill: Prefill }
  | { type: 'status'; id: number; message: string; waitMs?: number }
  | { type: 'delta'; id: number; text: string }
  | { type: 'result'; id: number; output: unknown; durationMs: number }
  | { type: 'runError'; id: number; message: string; code?: string; field?: string; cancelled: boolean }
  | { type: 'response'; id: number; body: Responses[RequestType] };

export type { FieldProblem, TaskId, TaskInfo };
