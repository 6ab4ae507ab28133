// Public types of the component executor. Field ids are the spec's (snake_case).

export type TaskId =
  | 'TASK_TEXT_GENERATION'
  | 'TASK_FILL_MASK'
  | 'TASK_SUMMARIZATION'
  | 'TASK_TEXT_CLASSIFICATION'
  | 'TASK_TOKEN_CLASSIFICATION'
  | 'TASK_TRANSLATION'
  | 'TASK_ZERO_SHOT_CLASSIFICATION'
  | 'TASK_QUESTION_ANSWERING'
  | 'TASK_TABLE_QUESTION_ANSWERING'
  | 'TASK_SENTENCE_SIMILARITY'
  | 'TASK_CONVERSATIONAL'
  | 'TASK_IMAGE_CLASSIFICATION'
  | 'TASK_IMAGE_SEGMENTATION'
  | 'TASK_OBJECT_DETECTION'
  | 'TASK_IMAGE_TO_TEXT'
  | 'TASK_SPEECH_RECOGNITION'
  | 'TASK_AUDIO_CLASSIFICATION';

/** The spec's setup. `api_key` may be empty (no Authorization header). */
export interface Setup {
  api_key?: string;
  base_url: string;
  is_custom_endpoint?: boolean;
}

/** Image/audio payloads: base64, a `data:` URI, bytes, or a Blob (e.g. `fs.openAsBlob`, streamed from disk). */
export type MediaInput = string | Uint8Array | Blob;

export type JsonObject = Record<string, unknown>;

/** A task's input as the spec defines it (`model` plus the task's fields). */
export interface TaskInput {
  model: string;
  inputs?: unknown;
  parameters?: JsonObject;
  options?: { wait_for_model?: boolean; use_cache?: boolean; use_gpu?: boolean };
  image?: MediaInput;
  audio?: MediaInput;
  [field: string]: unknown;
}

export interface Request {
  task: TaskId | string;
  setup: Setup;
  input: TaskInput;
}

export interface Status {
  message: string;
  waitMs?: number;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Per request; for streams, the longest silence allowed between events. Default 300000. */
  timeoutMs?: number;
  /** Total time allowed waiting on a loading model or a rate limit. Default 120000; 0 = never wait. */
  maxWaitMs?: number;
  onStatus?: (status: Status) => void;
  /** Largest response body accepted, in bytes. Default 64 MiB. */
  maxResponseBytes?: number;
  /** An undici Dispatcher (proxy, extra CAs). Default: the executor's shared keep-alive Agent. */
  dispatcher?: import('undici').Dispatcher;
  /** Extra request headers (e.g. User-Agent). Never used for the token. */
  headers?: Record<string, string>;
}

export interface StreamChunk {
  text: string;
}

export type ErrorCode = 'INVALID_INPUT' | 'HTTP' | 'NETWORK' | 'TIMEOUT' | 'CANCELLED' | 'INVALID_RESPONSE';

export interface TaskSchemas {
  input: JsonObject;
  output: JsonObject;
}

/** Spec outputs, per task. */
export interface LabelScore { label: string; score: number }
export interface FillMaskResult { score: number; sequence: string; token: number; token_str: string }
export interface TokenResult { entity_group: string; score: number; word: string; start: number; end: number; index?: number }
export interface DetectedObject { label: string; score: number; box: { xmin: number; ymin: number; xmax: number; ymax: number } }
export interface Segment { label: string; mask: string; score?: number }
export interface Conversation { past_user_inputs: string[]; generated_responses: string[] }
export interface SpeechChunk { text: string; timestamp: [number, number | null] }

export interface TaskOutputs {
  TASK_TEXT_GENERATION: { generated_text: string };
  TASK_FILL_MASK: { results: FillMaskResult[] };
  TASK_SUMMARIZATION: { summary_text: string };
  TASK_TEXT_CLASSIFICATION: { results: LabelScore[] };
  TASK_TOKEN_CLASSIFICATION: { results: TokenResult[] };
  TASK_TRANSLATION: { translation_text: string };
  TASK_ZERO_SHOT_CLASSIFICATION: { labels: string[]; scores: number[]; sequence?: string };
  TASK_QUESTION_ANSWERING: { answer: string; score?: number; start?: number; stop?: number };
  TASK_TABLE_QUESTION_ANSWERING: { answer: string; aggregator?: string; cells?: string[]; coordinates?: number[][] };
  TASK_SENTENCE_SIMILARITY: { scores: number[] };
  TASK_CONVERSATIONAL: { generated_text: string; conversation?: Conversation };
  TASK_IMAGE_CLASSIFICATION: { classes: LabelScore[] };
  TASK_IMAGE_SEGMENTATION: { segments: Segment[] };
  TASK_OBJECT_DETECTION: { objects: DetectedObject[] };
  TASK_IMAGE_TO_TEXT: { text: string };
  TASK_SPEECH_RECOGNITION: { text: string; chunks?: SpeechChunk[] };
  TASK_AUDIO_CLASSIFICATION: { classes: LabelScore[] };
}

export type TaskOutput = TaskOutputs[TaskId];
