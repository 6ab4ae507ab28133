// An undici interceptor that reports each HTTP exchange (method, URL, status,
// duration) for the log. It never sees or reports headers, so never the token.
import type { Dispatcher } from 'undici';

export interface RequestRecord {
  method: string;
  /** Origin and path; the token travels in a header, never in here. */
  url: string;
  status?: number;
  error?: string;
  durationMs: number;
}

export function observeRequests(onRequest: (record: RequestRecord) => void): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const started = performance.now();
    const base = { method: opts.method, url: `${String(opts.origin ?? '')}${opts.path}` };
    let status: number | undefined;
    const report = (error?: Error) => {
      const durationMs = Math.round(performance.now() - started);
      onRequest({ ...base, durationMs, ...(status !== undefined && { status }), ...(error && { error: error.message }) });
    };
    // compose() hands interceptors handlers in undici's controller-style API.
    return dispatch(opts, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) => {
        status = statusCode;
        return handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => {
        report();
        return handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => {
        report(error);
        return handler.onResponseError?.(controller, error);
      },
    });
  };
}
