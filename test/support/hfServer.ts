// A loopback Hugging-Face-compatible HTTP server for tests and benchmarks: the
// router's pipeline and chat routes, custom endpoints and the Hub API, with
// answers computed from the input; plus scripted replies that fail the way real
// servers fail (statuses, delays, hangs, stalls, resets, broken streams).
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { type Answer, type JsonCall, type MediaCall, fail, fieldRequired, isRecord, ok } from './hfAnswer';
import { findModel, hubModelInfo, searchHub, VARIANTS } from './hfCatalog';
import { chatCompletion, textGeneration } from './hfGeneration';
import { audioClassification, imageClassification, imageSegmentation, imageToText, objectDetection, speechRecognition } from './hfMediaTasks';
import {
  fillMask,
  questionAnswering,
  sentenceSimilarity,
  summarization,
  tableQuestionAnswering,
  textClassification,
  tokenClassification,
  translation,
  zeroShotClassification,
} from './hfTextTasks';

export interface RecordedRequest {
  method: string;
  /** The path with its query. */
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The whole body, or its first 64 KB when it was larger than 8 MB (see `bodyLength`). */
  body: Buffer;
  /** Parsed when the content-type is JSON. */
  json?: unknown;
  /** Bytes received (more than `body.length` when the body was truncated or the upload broke off). */
  bodyLength: number;
}

export interface ScriptedReply {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** Body as JSON (content-type application/json). */
  json?: unknown;
  /** Raw body (give the content-type in `headers` yourself). */
  body?: string | Buffer;
  /** Wait before sending headers. */
  delayMs?: number;
  /** Never answer (until the client gives up or the server closes). */
  hang?: boolean;
  /** Send headers and `body` (if any), then never end. */
  stallAfterHeaders?: boolean;
  /** Reset the socket (TCP RST). */
  destroy?: 'before-headers' | 'mid-body';
  /** text/event-stream: each string written as-is (include "data: …\n\n"), `sseDelayMs` apart. */
  sse?: string[];
  sseDelayMs?: number;
  /** After the sse strings, reset the socket. */
  sseThenDestroy?: boolean;
  /** How many requests this reply serves (default 1). */
  times?: number;
  /** Only for requests whose path includes this substring (default: any). */
  match?: string;
}

export interface HfServerOptions {
  /** When set, POST inference routes and whoami require `Authorization: Bearer <token>`, else 401. */
  token?: string;
  /** Added before every default answer. */
  latencyMs?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Serve HTTPS instead. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Extra latency for default answers, uniformly 0..jitterMs (load tests). */
  jitterMs?: number;
  /** Fraction (0..1) of inference requests answered with a transient failure instead (load tests). */
  failureRate?: number;
  /** Seed of the jitter/failure random sequence, so a load test is repeatable. Default 1. */
  seed?: number;
}

/** Bodies up to this size are kept whole; larger ones (uploads for benchmarks) only by their head. */
const FULL_BODY_LIMIT = 8 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
/** How long a reset waits after the last write, so the client reads what was sent before the RST. */
const RESET_GRACE_MS = 20;

const UNAUTHORIZED = fail(401, 'Invalid credentials in Authorization header');
const WHOAMI = {
  type: 'user',
  name: 'test-user',
  fullname: 'Test User',
  orgs: [],
  auth: { type: 'access_token', accessToken: { displayName: 'tests', role: 'fineGrained' } },
};

const JSON_TASKS: Record<string, (call: JsonCall) => Answer> = {
  'text-classification': textClassification,
  'fill-mask': fillMask,
  summarization,
  translation,
  'token-classification': tokenClassification,
  'zero-shot-classification': zeroShotClassification,
  'question-answering': questionAnswering,
  'table-question-answering': tableQuestionAnswering,
  'sentence-similarity': sentenceSimilarity,
  'text-generation': textGeneration,
};

const MEDIA_TASKS: Record<string, (call: MediaCall) => Answer> = {
  'image-classification': imageClassification,
  'object-detection': objectDetection,
  'image-segmentation': imageSegmentation,
  'image-to-text': imageToText,
  'automatic-speech-recognition': speechRecognition,
  'audio-classification': audioClassification,
};

type Route =
  | { kind: 'whoami' | 'hubSearch' | 'notFound' }
  | { kind: 'hubModel'; id: string }
  /** `model` absent for custom endpoints, which serve `tag` whatever the model. */
  | { kind: 'pipeline'; model?: string; tag?: string; variant?: string }
  /** `model` from the path, else from the body; endpoints take any model. */
  | { kind: 'chat'; model?: string; endpoint: boolean };

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseRoute(method: string, pathname: string): Route {
  if (method === 'GET') {
    if (pathname === '/api/whoami-v2') return { kind: 'whoami' };
    if (pathname === '/api/models') return { kind: 'hubSearch' };
    if (pathname.startsWith('/api/models/')) return { kind: 'hubModel', id: decodePath(pathname.slice('/api/models/'.length)) };
    return { kind: 'notFound' };
  }
  if (method !== 'POST') return { kind: 'notFound' };
  const endpoint = /^\/endpoint\/([^/]+)(?:\/([^/]+))?/.exec(pathname);
  if (pathname.endsWith('/chat/completions')) {
    if (endpoint) return { kind: 'chat', endpoint: true };
    const inPath = /\/models\/(.+?)(?:\/v1)?\/chat\/completions$/.exec(pathname);
    return { kind: 'chat', model: inPath ? decodePath(inPath[1]) : undefined, endpoint: false };
  }
  if (endpoint) {
    // `/endpoint/chat` without a chat path is TGI's own route: text generation.
    const tag = endpoint[1] === 'chat' ? 'text-generation' : endpoint[1];
    const variant = endpoint[2] && VARIANTS[tag]?.includes(endpoint[2]) ? endpoint[2] : 'default';
    return { kind: 'pipeline', tag, variant };
  }
  // Clients put a base path before `/models/` (e.g. `/hf-inference/models/…`); model ids keep their slashes.
  const at = pathname.indexOf('/models/');
  if (at < 0) return { kind: 'notFound' };
  const [model, tag] = decodePath(pathname.slice(at + '/models/'.length)).split('/pipeline/');
  return { kind: 'pipeline', model, tag };
}

interface Received {
  body: Buffer;
  length: number;
  /** False when the client went away before the body ended. */
  complete: boolean;
}

async function readBody(req: http.IncomingMessage): Promise<Received> {
  let chunks: Buffer[] = [];
  let length = 0;
  let truncated = false;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (truncated) continue;
      chunks.push(chunk);
      if (length > FULL_BODY_LIMIT) {
        chunks = [Buffer.concat(chunks, HEAD_BYTES)];
        truncated = true;
      }
    }
  } catch {
    // The client aborted: keep what arrived.
  }
  return { body: Buffer.concat(chunks), length, complete: req.complete };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

const lowerCaseKeys = (headers: Record<string, string> = {}) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

const write = (res: http.ServerResponse, data: string | Buffer) => new Promise<void>((resolve) => res.write(data, () => resolve()));

export class HfTestServer {
  /** Every request but the control API's, in arrival order, recorded before its body has arrived. */
  readonly requests: RecordedRequest[] = [];
  private scripts: { reply: ScriptedReply; left: number }[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private seen = 0;
  private rng = 1;
  /** How many transient failures `failureRate` injected. */
  injectedFailures = 0;
  private baseUrl = '';

  private constructor(
    private readonly server: http.Server,
    private readonly options: HfServerOptions,
  ) {
    this.rng = options.seed ?? 1;
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(err) });
        else res.destroy();
      });
    });
    server.on('connection', (socket: Socket) => {
      this.seen++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // Long enough that keep-alive tests and benchmarks see connections reused, not timed out.
    server.keepAliveTimeout = 60_000;
  }

  static async start(options: HfServerOptions = {}): Promise<HfTestServer> {
    const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }) : http.createServer();
    const self = new HfTestServer(server, options);
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as { port: number };
    self.baseUrl = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
    return self;
  }

  /** e.g. http://127.0.0.1:43123 (no trailing slash). */
  get url(): string {
    return this.baseUrl;
  }

  /** Queues a reply that pre-empts the default answer for the next matching request(s), first in first out. */
  script(reply: ScriptedReply): void {
    this.scripts.push({ reply, left: reply.times ?? 1 });
  }

  /** Clears recorded requests, scripted replies and the connection count. */
  reset(): void {
    this.requests.length = 0;
    this.scripts = [];
    this.seen = 0;
  }

  openConnections(): number {
    return this.sockets.size;
  }

  connectionsSeen(): number {
    return this.seen;
  }

  /** Closes everything, hung responses and idle keep-alive sockets included. */
  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const gone = [...this.sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([closed, ...gone]);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const q = path.indexOf('?');
    const pathname = q < 0 ? path : path.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : path.slice(q + 1));
    if (pathname.startsWith('/__control/')) return this.control(req, res, pathname);

    const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers: flattenHeaders(req.headers), body: Buffer.alloc(0), bodyLength: 0 };
    this.requests.push(rec);
    const scripted = this.takeScript(path);
    const received = await readBody(req);
    rec.body = received.body;
    rec.bodyLength = received.length;
    if (rec.headers['content-type']?.includes('json') && received.body.length === received.length) rec.json = parseJson(received.body);
    if (!received.complete) return;

    if (scripted) return this.play(scripted, res);
    const route = parseRoute(rec.method, pathname);
    await this.sleep((this.options.latencyMs ?? 0) + (this.options.jitterMs ? this.random() * this.options.jitterMs : 0));
    if (this.options.failureRate && rec.method === 'POST' && this.random() < this.options.failureRate) {
      // The transient failures a busy provider really gives: loading, overloaded, a gateway error.
      this.injectedFailures++;
      const pick = this.injectedFailures % 3;
      if (pick === 0) return sendJson(res, 503, { error: 'Model is currently loading', estimated_time: 0.05 });
      if (pick === 1) return sendJson(res, 429, { error: 'Model is overloaded', error_type: 'overloaded' });
      return sendJson(res, 502, { error: 'Bad Gateway' });
    }
    const answer = this.answer(route, rec, query);
    if ('sse' in answer) return this.sendSse(res, 200, {}, answer.sse, 0, false);
    sendJson(res, answer.status, answer.json);
  }

  /** A small deterministic generator (mulberry32), seeded by `options.seed`. */
  private random(): number {
    let t = (this.rng += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private takeScript(path: string): ScriptedReply | undefined {
    const i = this.scripts.findIndex((s) => s.reply.match === undefined || path.includes(s.reply.match));
    if (i < 0) return undefined;
    const entry = this.scripts[i];
    if (--entry.left <= 0) this.scripts.splice(i, 1);
    return entry.reply;
  }

  private answer(route: Route, rec: RecordedRequest, query: URLSearchParams): Answer {
    switch (route.kind) {
      case 'whoami':
        return this.authorized(rec, true) ? ok(WHOAMI) : UNAUTHORIZED;
      case 'hubSearch':
        return ok(searchHub(query));
      case 'hubModel': {
        const model = findModel(route.id);
        return model ? ok(hubModelInfo(model)) : fail(404, 'Repository not found');
      }
      case 'pipeline':
        return this.authorized(rec, false) ? pipelineAnswer(route, rec) : UNAUTHORIZED;
      case 'chat':
        return this.authorized(rec, false) ? chatAnswer(route, rec) : UNAUTHORIZED;
      case 'notFound':
        return fail(404, 'Not Found');
    }
  }

  /** With a configured token only that token passes; without one, `tokenNeeded` routes take any. */
  private authorized(rec: RecordedRequest, tokenNeeded: boolean): boolean {
    const given = /^Bearer (.+)$/.exec(rec.headers.authorization ?? '')?.[1]?.trim();
    if (this.options.token) return given === this.options.token;
    return !tokenNeeded || !!given;
  }

  private async play(reply: ScriptedReply, res: http.ServerResponse): Promise<void> {
    if (reply.hang) return; // the socket stays open until the client gives up or close()
    await this.sleep(reply.delayMs ?? 0);
    if (reply.destroy === 'before-headers') return void res.socket?.resetAndDestroy();
    const status = reply.status ?? 200;
    const headers = lowerCaseKeys(reply.headers);
    if (reply.sse) return this.sendSse(res, status, headers, reply.sse, reply.sseDelayMs ?? 0, reply.sseThenDestroy ?? false);

    const payload = reply.json !== undefined ? Buffer.from(JSON.stringify(reply.json)) : Buffer.from(reply.body ?? '');
    if (reply.json !== undefined) headers['content-type'] ??= 'application/json';
    if (reply.stallAfterHeaders) {
      res.writeHead(status, headers);
      res.flushHeaders();
      if (payload.length > 0) res.write(payload);
      return;
    }
    if (reply.destroy === 'mid-body') {
      // Announce the whole length, send half: the client sees a body cut short by a reset.
      const full = payload.length >= 2 ? payload : Buffer.from(`{"error":"${'x'.repeat(1000)}"}`);
      res.writeHead(status, { ...headers, 'content-length': String(full.length) });
      await write(res, full.subarray(0, full.length >> 1));
      return this.resetSoon(res);
    }
    res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
    res.end(payload);
  }

  private async sendSse(res: http.ServerResponse, status: number, headers: Record<string, string>, events: string[], delayMs: number, thenReset: boolean): Promise<void> {
    res.writeHead(status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
    res.flushHeaders();
    for (const [i, event] of events.entries()) {
      if (i > 0) await this.sleep(delayMs);
      if (res.destroyed) return;
      await write(res, event);
    }
    if (thenReset) return this.resetSoon(res);
    res.end();
  }

  private async resetSoon(res: http.ServerResponse): Promise<void> {
    await this.sleep(RESET_GRACE_MS);
    res.socket?.resetAndDestroy();
  }

  /** A delay that close() cancels (the waiting handler is then dropped with its socket). */
  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** The HTTP control API for servers in another process. */
  private async control(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    const { body } = await readBody(req);
    const action = `${req.method} ${pathname}`;
    if (action === 'POST /__control/script') {
      const reply = parseJson(body);
      if (!isRecord(reply)) return sendJson(res, 400, { error: 'expected a ScriptedReply as JSON' });
      this.script(reply as ScriptedReply);
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'POST /__control/reset') {
      this.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'GET /__control/requests') return sendJson(res, 200, this.requests.map((r) => ({ ...r, body: r.body.toString('base64') })));
    sendJson(res, 404, { error: 'Not Found' });
  }
}

const isJsonUpload = (rec: RecordedRequest) => rec.headers['content-type']?.includes('json') ?? false;
const parametersOf = (body: Record<string, unknown>) => (isRecord(body.parameters) ? body.parameters : {});

/** The pipeline route: the model's task (or the one in `/pipeline/{tag}` or the endpoint's), JSON or media. */
function pipelineAnswer(route: Extract<Route, { kind: 'pipeline' }>, rec: RecordedRequest): Answer {
  let tag = route.tag;
  let variant = route.variant ?? 'default';
  if (route.model !== undefined) {
    const model = findModel(route.model);
    if (!model) return fail(404, `Model ${route.model} does not exist`);
    if (model.variant === 'not-served') return fail(404, 'Model not supported by provider');
    tag ??= model.pipelineTag;
    variant = model.variant;
  }
  const jsonTask = tag === undefined ? undefined : JSON_TASKS[tag];
  const mediaTask = tag === undefined ? undefined : MEDIA_TASKS[tag];
  if (mediaTask) return mediaAnswer(mediaTask, rec, variant);
  if (!jsonTask) return fail(404, 'Not Found');

  // Like TGI's payload limit: a JSON body too large to keep is refused.
  if (rec.body.length < rec.bodyLength) return fail(413, 'Failed to buffer the request body: length limit exceeded');
  const body = parseJson(rec.body);
  if (!isRecord(body)) return fail(400, 'Invalid JSON body');
  if (!('inputs' in body)) return fieldRequired('inputs');
  const model = route.model ?? (typeof body.model === 'string' ? body.model : 'endpoint');
  return jsonTask({ model, variant, inputs: body.inputs, parameters: parametersOf(body), stream: body.stream === true });
}

/** Raw bytes, or (newer routes) JSON `{inputs: "<base64>", parameters}`. */
function mediaAnswer(task: (call: MediaCall) => Answer, rec: RecordedRequest, variant: string): Answer {
  if (!isJsonUpload(rec)) return task({ variant, head: rec.body, length: rec.bodyLength, parameters: {} });
  const body = parseJson(rec.body);
  if (!isRecord(body) || typeof body.inputs !== 'string') return fieldRequired('inputs');
  const bytes = Buffer.from(body.inputs, 'base64');
  return task({ variant, head: bytes, length: bytes.length, parameters: parametersOf(body) });
}

/** OpenAI-compatible chat: the model must exist, be served by some provider and be a chat model. */
function chatAnswer(route: Extract<Route, { kind: 'chat' }>, rec: RecordedRequest): Answer {
  const body = parseJson(rec.body);
  if (!isRecord(body)) return fail(400, { message: 'Invalid JSON body' });
  const bodyModel = typeof body.model === 'string' ? body.model : undefined;
  if (route.endpoint) return chatCompletion(body, bodyModel ?? 'tgi');
  // "org/name:provider" and "org/name:fastest" name the same model.
  const id = route.model ?? bodyModel?.replace(/:[^/:]*$/, '');
  if (!id) return fail(422, { message: 'model: field required' });
  const model = findModel(id);
  if (!model) return fail(404, `Model ${id} does not exist`);
  if (model.providers.length === 0) return fail(404, 'Model not supported by provider');
  if (!model.chat) {
    return fail(400, { message: `The requested model '${id}' is not a chat model.`, type: 'invalid_request_error', param: 'model', code: 'model_not_supported' });
  }
  return chatCompletion(body, id);
}
