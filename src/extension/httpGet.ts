// Small GETs for the Hub and connection checks, over the dispatcher every request
// shares (any undici dispatcher can make requests itself): no redirects followed (the
// token stays with the origin it was meant for), bounded bodies, errors that say what
// happened.
import type { Dispatcher } from 'undici';

export type HttpErrorKind = 'status' | 'network' | 'timeout' | 'cancelled' | 'invalid-response';

export class HttpError extends Error {
  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface GetOptions {
  /** Sent as a Bearer token; only to the URL given. */
  token?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  dispatcher: Dispatcher;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** GETs `url`; resolves with the status and the body parsed as JSON (undefined when it is not JSON). */
export async function getJson(url: string, options: GetOptions): Promise<{ status: number; body: unknown }> {
  const { token, signal, timeoutMs = 30_000, dispatcher, headers } = options;
  let res: Dispatcher.ResponseData;
  try {
    const { origin, pathname, search } = new URL(url);
    res = await dispatcher.request({
      origin,
      path: pathname + search,
      method: 'GET',
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { accept: 'application/json', ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch (e) {
    throw transportError(e, url, signal);
  }
  let text: string;
  try {
    text = await readBounded(res.body);
  } catch (e) {
    throw transportError(e, url, signal);
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, body };
}

async function readBounded(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw new HttpError('invalid-response', `The response is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function transportError(e: unknown, url: string, signal: AbortSignal | undefined): HttpError {
  if (e instanceof HttpError) return e;
  if (signal?.aborted) return new HttpError('cancelled', 'The request was cancelled.');
  const code = (e as { code?: string }).code ?? '';
  const origin = safeOrigin(url);
  if (code.includes('TIMEOUT')) return new HttpError('timeout', `${origin} did not answer in time.`);
  return new HttpError('network', `Could not reach ${origin}${code ? ` (${code})` : ''}.`);
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
