// HTTP over undici: one shared keep-alive dispatcher, timeouts and cancellation
// that say which one happened, redirects that never carry the token to another
// origin, and bodies read with a size limit.
import { request, type Dispatcher } from 'undici';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { ComponentError } from './errors';
import { createDispatcher } from './network';
import type { HttpRequest } from './request';

let shared: Dispatcher | undefined;

/**
 * The executor's keep-alive dispatcher, created on first use and reused by every
 * call. It honours the environment's HTTPS_PROXY/NO_PROXY; callers with proxy or
 * CA settings of their own pass a dispatcher from `createDispatcher`.
 */
export function sharedDispatcher(): Dispatcher {
  shared ??= createDispatcher();
  return shared;
}

/**
 * Cancellation and timeouts of one call. `signal` aborts the socket work; `reason`
 * tells whether the user cancelled or a timer ran out.
 */
export class CallControl {
  // What undici watches: an EventEmitter with `aborted` is a documented request signal,
  // and much cheaper to make per call than an AbortController.
  private readonly aborter = Object.assign(new EventEmitter(), { aborted: false });
  private timer: NodeJS.Timeout | undefined;
  private why: 'cancelled' | 'timeout' | undefined;
  private readonly onUserAbort = () => this.stop('cancelled');

  constructor(private readonly user: AbortSignal | undefined, private readonly timeoutMs: number) {
    if (user?.aborted) this.stop('cancelled');
    else user?.addEventListener('abort', this.onUserAbort, { once: true });
  }

  get signal(): EventEmitter & { readonly aborted: boolean } {
    return this.aborter;
  }
  get reason(): 'cancelled' | 'timeout' | undefined {
    return this.why;
  }

  /** (Re)starts the timeout: for a whole request, or for the silence between stream events. */
  arm(): void {
    this.disarm();
    if (this.timeoutMs > 0 && this.timeoutMs < 2 ** 31) {
      this.timer = setTimeout(() => this.stop('timeout'), this.timeoutMs);
    }
  }
  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private stop(why: 'cancelled' | 'timeout'): void {
    if (this.why) return;
    this.why = why;
    this.disarm();
    this.aborter.aborted = true;
    this.aborter.emit('abort');
  }

  /** The error to throw when the call was stopped, if it was. */
  stoppedError(url?: URL): ComponentError | undefined {
    if (this.why === 'cancelled') return new ComponentError('CANCELLED', 'The request was cancelled.');
    if (this.why === 'timeout') {
      return new ComponentError('TIMEOUT', `Hugging Face did not answer within ${formatSeconds(this.timeoutMs)}${url ? ` (${url.origin}${url.pathname})` : ''}. The model may be busy or the network slow; try again or raise the timeout.`);
    }
    return undefined;
  }

  /** Sleeps for `ms` unless the call is cancelled first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.why) return reject(this.stoppedError());
      const onAbort = () => {
        clearTimeout(t);
        reject(this.stoppedError());
      };
      const t = setTimeout(() => {
        this.aborter.removeListener('abort', onAbort);
        resolve();
      }, ms);
      this.aborter.once('abort', onAbort);
    });
  }

  dispose(): void {
    this.disarm();
    this.user?.removeEventListener('abort', this.onUserAbort);
  }
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 || Number.isInteger(s) ? Math.round(s) : s.toFixed(1)} s`;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Sends a request and returns once headers arrive. Redirects are followed here,
 * so the Authorization header can be dropped when the origin changes.
 */
export async function send(req: HttpRequest, control: CallControl, dispatcher: Dispatcher | undefined): Promise<HttpResponse> {
  let url = req.url;
  let method: 'POST' | 'GET' = 'POST';
  let headers = { ...req.headers };
  let body: HttpRequest['body'] | undefined = req.body;
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(url, method, headers, body, control, dispatcher);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.status) || typeof location !== 'string') return res;
    await discard(res.body);
    if (hop >= MAX_REDIRECTS) throw new ComponentError('NETWORK', `Too many redirects calling ${url.origin}${url.pathname}.`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new ComponentError('INVALID_RESPONSE', `The server at ${url.origin} redirected to an invalid address.`);
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new ComponentError('INVALID_RESPONSE', `The server at ${url.origin} redirected to a non-HTTP address.`);
    if (next.origin !== url.origin) {
      // The token belongs to the configured origin only.
      headers = { ...headers };
      delete headers.authorization;
    }
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = { ...headers };
      delete headers['content-type'];
    }
    url = next;
  }
}

async function sendOnce(
  url: URL,
  method: 'POST' | 'GET',
  headers: Record<string, string>,
  body: HttpRequest['body'] | undefined,
  control: CallControl,
  dispatcher: Dispatcher | undefined,
): Promise<HttpResponse> {
  const stopped = control.stoppedError(url);
  if (stopped) throw stopped;
  let payload: string | Uint8Array | Readable | undefined;
  const sendHeaders = { ...headers };
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    // A Blob (e.g. a file opened with fs.openAsBlob) is streamed, never read whole.
    payload = Readable.fromWeb(body.stream() as import('node:stream/web').ReadableStream);
    sendHeaders['content-length'] = String(body.size);
  } else {
    payload = body as string | Uint8Array | undefined;
  }
  try {
    const res = await request(url, {
      method,
      headers: sendHeaders,
      body: payload,
      dispatcher: dispatcher ?? sharedDispatcher(),
      signal: control.signal,
      // Our own timers decide; undici's defaults (300 s) must not fire first with another error.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    return { status: res.statusCode, headers: res.headers, body: res.body, url };
  } catch (error) {
    if (payload instanceof Readable) payload.destroy();
    throw control.stoppedError(url) ?? networkError(error, url);
  }
}

/** A socket-level failure as a NETWORK error that names the URL. */
export function networkError(error: unknown, url: URL): ComponentError {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  const why: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'the host name could not be resolved',
    EAI_AGAIN: 'the host name could not be resolved (DNS lookup failed)',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    UND_ERR_SOCKET: 'the connection closed unexpectedly',
    UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted (add its CA certificate)',
    SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is not trusted (add its CA certificate)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified (add its CA certificate)',
    ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate does not match the host name",
  };
  const reason = (code && why[code]) ?? (code ? `error ${code}` : 'the request failed');
  return new ComponentError('NETWORK', `Could not reach ${url.origin}${url.pathname}: ${reason}. Check the base URL, your connection and proxy settings.`, { cause: error });
}

/** Reads a whole body, up to `limit` bytes. */
export function readBody(res: HttpResponse, control: CallControl, limit: number): Promise<Buffer> {
  const tooLarge = () => new ComponentError('INVALID_RESPONSE', `The response from ${res.url.origin} is larger than ${Math.round(limit / 2 ** 20)} MB; it was not read.`);
  const declared = Number(header(res, 'content-length'));
  if (declared > limit) {
    res.body.destroy();
    return Promise.reject(tooLarge());
  }
  // Plain 'data' events: an async iterator over the stream costs more than the request itself.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const body = res.body;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        body.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    body.once('error', (error: Error) => {
      reject(control.stoppedError(res.url) ?? new ComponentError('NETWORK', `The connection to ${res.url.origin} broke while reading the response (${error?.message ?? 'unknown error'}).`, { cause: error }));
    });
  });
}

/** Drops a body we do not need, so the connection can be reused or closed. */
export async function discard(body: HttpResponse['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    body.destroy();
  }
}

export function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads at most `limit` bytes of a body (error pages can be huge), then drops the rest. */
export async function readHead(res: HttpResponse, control: CallControl, limit = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= limit) {
        res.body.destroy();
        break;
      }
    }
  } catch {
    const stopped = control.stoppedError(res.url);
    if (stopped) throw stopped;
    // A broken error body still leaves us the status to report.
  }
  return Buffer.concat(chunks, size).subarray(0, limit);
}
