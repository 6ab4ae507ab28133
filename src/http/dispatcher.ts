// One keep-alive undici dispatcher for every request the extension makes (the
// executor's task calls and the Hub's), so connection reuse, and later proxies and
// extra CAs, apply to all of them alike. An interceptor reports each exchange
// (method, URL, status, duration) for the log; it never sees or reports headers.
import { Agent, type Dispatcher } from 'undici';

export interface RequestRecord {
  method: string;
  /** Origin and path; the token travels in a header, never in here. */
  url: string;
  status?: number;
  error?: string;
  durationMs: number;
}

export function createDispatcher(onRequest?: (record: RequestRecord) => void): Dispatcher {
  const agent = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  return onRequest ? agent.compose(observe(onRequest)) : agent;
}

function observe(onRequest: (record: RequestRecord) => void): Dispatcher.DispatcherComposeInterceptor {
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
