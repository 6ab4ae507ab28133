// ComponentError: the one error type the executor throws. Messages are meant for
// people (what went wrong, what to do) and never carry the token.
import type { ErrorCode } from './types';

export class ComponentError extends Error {
  readonly code: ErrorCode;
  /** HTTP status, for `HTTP` errors (and for 503/429 waits that ran out). */
  readonly status?: number;
  /** The input field at fault, for `INVALID_INPUT` (a JSON pointer such as `/parameters/top_k`). */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, extra: { status?: number; field?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ComponentError';
    this.code = code;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.field !== undefined) this.field = extra.field;
  }
}

export function isComponentError(e: unknown): e is ComponentError {
  return e instanceof ComponentError;
}

/** Anything that looks like a Hugging Face token, wherever it appears. */
const TOKEN_PATTERN = /\bhf_[A-Za-z0-9]{6,}\b/g;

/** Removes `secret` (and anything shaped like an HF token) from text meant for people or logs. */
export function redact(text: string, secret?: string): string {
  let out = text;
  if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out.replace(TOKEN_PATTERN, 'hf_[redacted]');
}

/** Returns a ComponentError whose message (and cause chain) cannot reveal `secret`. */
export function scrub(error: ComponentError, secret?: string): ComponentError {
  const message = redact(error.message, secret);
  if (message === error.message && error.cause === undefined) return error;
  // The cause is dropped: a low-level error may quote headers or bodies verbatim.
  return new ComponentError(error.code, message, { status: error.status, field: error.field });
}
