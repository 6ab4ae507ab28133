// stream(): text deltas as Server-Sent Events arrive, in both formats servers
// really send: TGI token events and OpenAI chat-completion chunks.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ComponentError } from './errors';
import { CallControl, header, readBody, type HttpResponse } from './http';
import { normalize } from './normalize';
import { call, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, finalError, parseJson, prepare } from './execute';
import type { TaskInfo } from './tasks';
import type { ExecuteOptions, Request, StreamChunk } from './types';

const DONE = Symbol('done');

/** The text carried by one event: a string, nothing (`undefined`), or the end of the stream. */
export function eventText(task: TaskInfo, event: EventSourceMessage): string | undefined | typeof DONE {
  const data = event.data.trim();
  if (data === '[DONE]') return DONE;
  if (!data) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(data) as Record<string, unknown>;
  } catch {
    if (event.event === 'error') throw streamError(data);
    throw new ComponentError('INVALID_RESPONSE', `Hugging Face sent a ${task.id} stream event that is not JSON: ${data.slice(0, 80)}`);
  }
  if (parsed === null || typeof parsed !== 'object') return undefined;
  if (parsed.error !== undefined && parsed.error !== null) {
    const err = parsed.error as unknown;
    const message = typeof err === 'string' ? err : typeof (err as { message?: unknown }).message === 'string' ? (err as { message: string }).message : JSON.stringify(err);
    const status = (err as { http_status_code?: unknown })?.http_status_code;
    throw streamError(message, typeof status === 'number' ? status : undefined);
  }
  if (event.event === 'error') throw streamError(data);
  // OpenAI chat chunks (a first chunk may carry only the role) and text-completion chunks.
  const choices = parsed.choices as { delta?: { content?: unknown }; text?: unknown }[] | undefined;
  if (Array.isArray(choices)) {
    const c = choices[0];
    const content = c?.delta?.content ?? c?.text;
    return typeof content === 'string' && content ? content : undefined;
  }
  // TGI token events; special tokens (</s>, <|eot_id|>…) are not text.
  const token = parsed.token as { text?: unknown; special?: unknown } | undefined;
  if (token && typeof token === 'object') return token.special === true || typeof token.text !== 'string' ? undefined : token.text;
  return undefined;
}

function streamError(message: string, status?: number): ComponentError {
  return new ComponentError('HTTP', `The model stopped with an error: ${message}`, status === undefined ? {} : { status });
}

export function stream(request: Request, options: ExecuteOptions = {}): AsyncIterable<StreamChunk> {
  return { [Symbol.asyncIterator]: () => run(request, options) };
}

async function* run(request: Request, options: ExecuteOptions): AsyncGenerator<StreamChunk> {
  let control: CallControl | undefined;
  let res: HttpResponse | undefined;
  try {
    const p = await prepare(request);
    if (!p.task.streams) {
      throw new ComponentError('INVALID_INPUT', `${p.task.id} cannot be streamed: only TASK_TEXT_GENERATION and TASK_CONVERSATIONAL can. Use execute().`, { field: '/task' });
    }
    // For a stream, the timeout is the longest silence allowed, headers included.
    control = new CallControl(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    res = await call(p, { control, options, stream: true });
    const type = header(res, 'content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      // The server answered in one piece (it ignored `stream`): one delta with all of it.
      const body = await readBody(res, control, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
      const out = normalize(p.task, parseJson(p.task, res, body), p.input) as { generated_text: string };
      if (out.generated_text) yield { text: out.generated_text };
      return;
    }
    const pending: EventSourceMessage[] = [];
    const parser = createParser({ onEvent: (e) => pending.push(e) });
    const decoder = new TextDecoder();
    for await (const chunk of res.body) {
      parser.feed(decoder.decode(chunk as Buffer, { stream: true }));
      while (pending.length) {
        const text = eventText(p.task, pending.shift()!);
        if (text === DONE) return;
        if (text !== undefined) {
          // The consumer's time is not the server's silence.
          control.disarm();
          yield { text };
          control.arm();
        }
      }
      control.arm();
    }
    const stopped = control.stoppedError(res.url);
    if (stopped) throw stopped;
  } catch (error) {
    if (error instanceof ComponentError || !res) throw finalError(error, request?.setup, control);
    const stopped = control?.stoppedError(res.url);
    throw finalError(stopped ?? new ComponentError('NETWORK', `The stream from ${res.url.origin} broke off: ${(error as Error)?.message ?? 'connection lost'}.`), request?.setup, control);
  } finally {
    // Closing early (break, cancel, error) closes the connection: the server stops generating.
    if (res && !res.body.destroyed) res.body.destroy();
    control?.dispose();
  }
}
