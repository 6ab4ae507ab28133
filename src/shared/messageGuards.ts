// Runtime checks of every message a webview sends. A webview runs model output and
// could be tricked into posting anything, so the host acts only on messages that
// match the protocol exactly: known type, known keys, bounded sizes, plain JSON.
import {
  MAX_FILE_NAME_CHARS,
  MAX_INPUT_CHARS,
  MAX_MEDIA_BYTES,
  MAX_MODEL_CHARS,
  MAX_QUERY_CHARS,
  MAX_TEXT_CHARS,
  type MediaFile,
  type PanelInput,
  type WebviewToHost,
} from './protocol';

export type Parsed = { ok: true; message: WebviewToHost } | { ok: false; reason: string };

type Obj = Record<string, unknown>;

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function object(v: unknown, what: string): Obj {
  if (!isPlainObject(v)) fail(`${what} must be an object`);
  return v;
}

/** Only the listed keys, each at most once (objects from postMessage cannot repeat keys). */
function onlyKeys(o: Obj, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(`${what} has an unexpected field "${key.slice(0, 40)}"`);
}

function id(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail('id must be a non-negative integer');
  return v;
}

function string(v: unknown, what: string, max: number): string {
  if (typeof v !== 'string') fail(`${what} must be a string`);
  if (v.length > max) fail(`${what} is longer than ${max} characters`);
  return v;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 8;
const MAX_NODES = 200_000;

/** Plain JSON data only (what the spec's inputs and parameters are), bounded in depth and size. */
function json(v: unknown, what: string): void {
  let nodes = 0;
  const walk = (x: unknown, depth: number): void => {
    if (++nodes > MAX_NODES) fail(`${what} is too large`);
    if (depth > MAX_DEPTH) fail(`${what} is nested too deeply`);
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) fail(`${what} holds a number that is not finite`);
      return;
    }
    if (Array.isArray(x)) {
      for (const item of x) walk(item, depth + 1);
      return;
    }
    if (!isPlainObject(x)) fail(`${what} holds something that is not JSON`);
    for (const [key, value] of Object.entries(x)) {
      if (FORBIDDEN_KEYS.has(key)) fail(`${what} holds a forbidden key "${key}"`);
      walk(value, depth + 1);
    }
  };
  walk(v, 0);
}

const MIME = /^(image|audio)\/[a-z0-9][a-z0-9.+-]{0,80}$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function media(v: unknown): MediaFile {
  const o = object(v, 'media');
  onlyKeys(o, ['name', 'mime', 'base64'], 'media');
  const name = string(o.name, 'media.name', MAX_FILE_NAME_CHARS);
  const mime = string(o.mime, 'media.mime', 100);
  if (!MIME.test(mime)) fail('media.mime must be an image/* or audio/* type');
  const base64 = string(o.base64, 'media.base64', Math.ceil(MAX_MEDIA_BYTES / 3) * 4);
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) fail('media.base64 is not base64');
  return { name, mime, base64 };
}

function panelInput(v: unknown): PanelInput {
  const o = object(v, 'input');
  onlyKeys(o, ['model', 'inputs', 'parameters', 'options', 'media'], 'input');
  const input: PanelInput = { model: string(o.model, 'input.model', MAX_MODEL_CHARS) };
  if (o.inputs !== undefined) {
    json(o.inputs, 'input.inputs');
    input.inputs = o.inputs;
  }
  if (o.parameters !== undefined) {
    json(o.parameters, 'input.parameters');
    input.parameters = object(o.parameters, 'input.parameters');
  }
  if (o.options !== undefined) {
    const options = object(o.options, 'input.options');
    onlyKeys(options, ['wait_for_model', 'use_cache', 'use_gpu'], 'input.options');
    for (const [key, value] of Object.entries(options)) if (typeof value !== 'boolean') fail(`input.options.${key} must be true or false`);
    input.options = options;
  }
  if (JSON.stringify([input.inputs ?? null, input.parameters ?? null, input.options ?? null]).length > MAX_INPUT_CHARS) fail('input is too large');
  if (o.media !== undefined) input.media = media(o.media);
  return input;
}

function check(raw: unknown): WebviewToHost {
  const o = object(raw, 'message');
  const type = o.type;
  switch (type) {
    case 'ready':
      onlyKeys(o, ['type'], type);
      return { type };
    case 'run':
      onlyKeys(o, ['type', 'id', 'input'], type);
      return { type, id: id(o.id), input: panelInput(o.input) };
    case 'validate':
      onlyKeys(o, ['type', 'id', 'input'], type);
      return { type, id: id(o.id), input: panelInput(o.input) };
    case 'cancel':
    case 'pickFile':
    case 'useSelection':
      onlyKeys(o, ['type', 'id'], type);
      return { type, id: id(o.id) } as WebviewToHost;
    case 'insert':
    case 'copy':
      onlyKeys(o, ['type', 'id', 'text'], type);
      return { type, id: id(o.id), text: string(o.text, 'text', MAX_TEXT_CHARS) };
    case 'searchModels':
      onlyKeys(o, ['type', 'id', 'query'], type);
      return { type, id: id(o.id), query: string(o.query, 'query', MAX_QUERY_CHARS) };
    default:
      return fail(`unknown message type ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : typeof type}`);
  }
}

/** The message if it is one the protocol defines, else why not (for the log; never echoed to the webview). */
export function parseWebviewMessage(raw: unknown): Parsed {
  try {
    return { ok: true, message: check(raw) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}
