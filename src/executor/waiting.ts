// When to wait and retry: a model that is loading (503, with its estimate), a
// rate limit (429, with Retry-After), or a gateway that failed on the way (502,
// 504: backed off). Always bounded by maxWaitMs, never a tight loop.
import { ComponentError } from './errors';
import { formatSeconds } from './http';

export interface WaitPlan {
  waitMs: number;
  message: string;
}

const BACKOFF_START_MS = 1000;
const BACKOFF_CAP_MS = 30_000;

export class WaitBudget {
  private waitedMs = 0;
  private backoffs = 0;

  constructor(private readonly maxWaitMs: number) {}

  /**
   * Plans the wait before retrying a 503 or 429, or throws the HTTP error when
   * waiting would exceed the budget. `estimatedSeconds` comes from a 503 body,
   * `retryAfter` from a 429's header.
   */
  plan(status: number, said: string, estimatedSeconds: number | undefined, retryAfter: string | undefined): WaitPlan {
    let waitMs: number | undefined;
    if (status === 503 && estimatedSeconds !== undefined && Number.isFinite(estimatedSeconds) && estimatedSeconds >= 0) {
      waitMs = Math.max(estimatedSeconds * 1000, BACKOFF_START_MS);
    } else if (status === 429 && retryAfter) {
      waitMs = parseRetryAfter(retryAfter);
    }
    if (waitMs === undefined) {
      waitMs = Math.min(BACKOFF_START_MS * 2 ** this.backoffs, BACKOFF_CAP_MS);
      this.backoffs++;
    }
    const loading = status === 503 && /loading/i.test(said);
    const what = status === 429 ? 'rate limited' : loading ? 'the model is loading' : `the service is unavailable (${status})`;
    const estimate = status === 503 && estimatedSeconds !== undefined ? `, about ${formatSeconds(estimatedSeconds * 1000)}` : '';
    if (this.waitedMs + waitMs > this.maxWaitMs) {
      const hint = this.maxWaitMs === 0 ? ' (waiting is turned off)' : ` (waiting more than ${formatSeconds(this.maxWaitMs)} in all is not allowed)`;
      const retry = status === 429 ? `; retry in ${formatSeconds(waitMs)}` : estimate ? `${estimate} more` : '';
      const saidPart = said ? `: ${said.replace(/[.\s]+$/, '')}` : '';
      throw new ComponentError('HTTP', `Hugging Face answered ${status}${saidPart}. Gave up: ${what}${retry}${hint}.${loading ? ' Try again in a moment, or allow a longer wait.' : ''}`, { status });
    }
    this.waitedMs += waitMs;
    const message = status === 429 ? `rate limited, retrying in ${formatSeconds(waitMs)}` : loading ? `model is loading${estimate || `, retrying in ${formatSeconds(waitMs)}`}` : `service unavailable (${status}), retrying in ${formatSeconds(waitMs)}`;
    return { waitMs, message };
  }
}

/** Retry-After: seconds or an HTTP date. */
export function parseRetryAfter(value: string): number | undefined {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}
