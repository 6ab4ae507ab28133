// Turns a validated task input into the HTTP request Hugging Face expects:
// the URL (pipeline route, custom endpoint or chat completions), headers, body.
import { ComponentError } from './errors';
import type { Media } from './media';
import type { TaskInfo } from './tasks';
import type { JsonObject, Setup, TaskInput } from './types';

export const ROUTER_HOST = 'router.huggingface.co';

export interface HttpRequest {
  url: URL;
  headers: Record<string, string>;
  body: string | Uint8Array | Blob;
  /** Which response contract applies: the pipeline's, or OpenAI chat completion. */
  contract: 'pipeline' | 'chat';
}

/** Parses and checks the setup's base URL (http or https only). */
// The last base URL parsed, and the request URLs built on it: a caller sends many
// requests to one server, and parsing URLs is a good part of a request's own CPU time.
// The URLs handed out are shared: nothing may change them.
let lastBase: { raw: unknown; url: URL } | undefined;
const requestUrls = new Map<string, URL>();
const MAX_REQUEST_URLS = 256;

export function parseBaseUrl(setup: Setup): URL {
  if (lastBase && lastBase.raw === setup.base_url) return lastBase.url;
  const url = parseUrl(setup);
  lastBase = { raw: setup.base_url, url };
  return url;
}

function parseUrl(setup: Setup): URL {
  let url: URL;
  try {
    url = new URL(String(setup.base_url ?? '').trim());
  } catch {
    throw new ComponentError('INVALID_INPUT', `Invalid setup: base_url must be an http(s) URL such as https://router.huggingface.co/hf-inference (got "${String(setup.base_url ?? '')}").`, { field: '/setup/base_url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ComponentError('INVALID_INPUT', `Invalid setup: base_url must use http or https (got ${url.protocol}).`, { field: '/setup/base_url' });
  }
  if (url.username || url.password) {
    throw new ComponentError('INVALID_INPUT', 'Invalid setup: base_url must not contain a user name or password; the token goes in api_key.', { field: '/setup/base_url' });
  }
  url.hash = '';
  return url;
}

/** `base` + path segments, keeping any path prefix and query of the base URL. */
function join(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}

/** Whether the task goes through an OpenAI-compatible chat completion on this setup. */
export function usesChat(task: TaskInfo, base: URL): boolean {
  return task.transport === 'chat' || (task.id === 'TASK_TEXT_GENERATION' && base.hostname === ROUTER_HOST);
}

/** The URL of a request (see the README's "Routes" for the rules). */
export function requestUrl(task: TaskInfo, setup: Setup, model: string, base: URL = parseBaseUrl(setup)): URL {
  const key = `${task.id} ${setup.is_custom_endpoint === true} ${base.href} ${model}`;
  let url = requestUrls.get(key);
  if (!url) {
    if (requestUrls.size >= MAX_REQUEST_URLS) requestUrls.clear();
    url = routeUrl(task, setup, model, base);
    requestUrls.set(key, url);
  }
  return url;
}

function routeUrl(task: TaskInfo, setup: Setup, model: string, base: URL): URL {
  if (usesChat(task, base)) {
    if (setup.is_custom_endpoint) {
      // The huggingface.js rule for chat URLs of custom servers (TGI, vLLM, Ollama…).
      const path = base.pathname.replace(/\/+$/, '');
      if (path.endsWith('/chat/completions')) return join(base, '');
      if (path.endsWith('/v1')) return join(base, '/chat/completions');
      return join(base, '/v1/chat/completions');
    }
    // The router picks a provider for the model itself (and honours `model:provider`).
    if (base.hostname === ROUTER_HOST) return new URL('/v1/chat/completions', base.origin);
    return join(base, `/models/${model}/v1/chat/completions`);
  }
  if (setup.is_custom_endpoint) return join(base, '');
  if (task.id === 'TASK_SENTENCE_SIMILARITY' && base.hostname === ROUTER_HOST) {
    // hf-inference serves sentence similarity through the feature-extraction models' pipeline route.
    return join(base, `/models/${model}/pipeline/sentence-similarity`);
  }
  return join(base, `/models/${model}`);
}

/** Chat parameters for spec parameters: the ones with an equivalent are renamed, the rest pass through. */
const CHAT_RENAMES: Record<string, string | null> = {
  max_length: 'max_tokens',
  max_new_tokens: 'max_tokens',
  // No chat-completion equivalent: dropped rather than rejected by strict servers.
  min_length: null,
  max_time: null,
  repetition_penalty: null,
  top_k: null,
  do_sample: null,
  return_full_text: null,
  num_return_sequences: null,
};

export function chatParameters(parameters: JsonObject | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(parameters ?? {})) {
    const renamed = key in CHAT_RENAMES ? CHAT_RENAMES[key] : key;
    if (renamed && value !== undefined && !(renamed in out && key !== renamed)) out[renamed] = value;
  }
  return out;
}

export function chatMessages(task: TaskInfo, input: TaskInput): { role: 'user' | 'assistant'; content: string }[] {
  if (task.id === 'TASK_TEXT_GENERATION') return [{ role: 'user', content: String(input.inputs) }];
  const { text, past_user_inputs = [], generated_responses = [] } = input.inputs as { text: string; past_user_inputs?: string[]; generated_responses?: string[] };
  const messages: { role: 'user' | 'assistant'; content: string }[] = [];
  for (let i = 0; i < Math.max(past_user_inputs.length, generated_responses.length); i++) {
    if (i < past_user_inputs.length) messages.push({ role: 'user', content: past_user_inputs[i] });
    if (i < generated_responses.length) messages.push({ role: 'assistant', content: generated_responses[i] });
  }
  messages.push({ role: 'user', content: text });
  return messages;
}

/** TAPAS needs every cell as a string. */
function stringifyTable(inputs: unknown): unknown {
  const { query, table } = inputs as { query: string; table: Record<string, unknown[]> };
  const cells: Record<string, string[]> = {};
  for (const [column, values] of Object.entries(table)) cells[column] = values.map((v) => String(v));
  return { query, table: cells };
}

export function buildRequest(
  task: TaskInfo,
  setup: Setup,
  input: TaskInput,
  media: Media | undefined,
  stream: boolean,
  extraHeaders: Record<string, string> = {},
): HttpRequest {
  const base = parseBaseUrl(setup);
  const url = requestUrl(task, setup, input.model, base);
  const contract = usesChat(task, base) ? 'chat' : 'pipeline';
  const headers: Record<string, string> = {
    'user-agent': 'hf-tasks-executor/0.1',
    ...lowerKeys(extraHeaders),
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  delete headers.authorization;
  if (setup.api_key) headers.authorization = `Bearer ${setup.api_key}`;
  const options = input.options ?? {};
  // The router and dedicated endpoints read these headers; the legacy API read `options` in the body.
  if (options.wait_for_model !== undefined) headers['x-wait-for-model'] = String(options.wait_for_model);
  if (options.use_cache !== undefined) headers['x-use-cache'] = String(options.use_cache);

  if (media) {
    headers['content-type'] = media.contentType;
    return { url, headers, body: media.body, contract };
  }
  headers['content-type'] = 'application/json';
  let payload: JsonObject;
  if (contract === 'chat') {
    payload = { model: input.model, messages: chatMessages(task, input), ...chatParameters(input.parameters), ...(stream ? { stream: true } : {}) };
  } else {
    const inputs = task.id === 'TASK_TABLE_QUESTION_ANSWERING' ? stringifyTable(input.inputs) : input.inputs;
    payload = { inputs };
    if (input.parameters && Object.keys(input.parameters).length) payload.parameters = input.parameters;
    if (input.options && Object.keys(input.options).length) payload.options = input.options;
    if (stream) payload.stream = true;
  }
  return { url, headers, body: JSON.stringify(payload), contract };
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}
