// Text generation the way TGI answers the pipeline route (JSON or its SSE token
// stream), and OpenAI-compatible chat completions (JSON or chunk stream + [DONE]).
import { type Answer, type JsonCall, fail, intParam, invalidInputs, isRecord, ok, pieces } from './hfAnswer';

const CONTINUATION = pieces(' and then the story continues.');
const FINGERPRINT = '3.0.1-sha-testsrv';

const sseData = (value: unknown, space = true) => `data:${space ? ' ' : ''}${JSON.stringify(value)}\n\n`;

/**
 * TGI's stream: one event per token (`data:` alternately with and without a space), a `:` keep-alive
 * comment halfway, then the special end token carrying the whole `generated_text`; no `[DONE]`.
 */
function tgiStream(tokens: string[], generatedText: string): string[] {
  const event = (i: number, text: string, special: boolean, generated: string | null) =>
    sseData({ index: i + 1, token: { id: i + 1, text, logprob: special ? 0 : -0.1, special }, generated_text: generated, details: null }, i % 2 === 1);
  const events = tokens.map((text, i) => event(i, text, false, null));
  events.splice(Math.ceil(events.length / 2), 0, ':\n\n');
  events.push(event(tokens.length, '</s>', true, generatedText));
  return events;
}

/**
 * `[{generated_text}]` = inputs + a fixed continuation cut to `max_new_tokens` words (only the continuation
 * with `return_full_text: false`); `stream: true` → TGI SSE; variant `object` → the bare `/generate` object.
 */
export function textGeneration({ inputs, parameters, variant, stream }: JsonCall): Answer {
  if (typeof inputs !== 'string') return invalidInputs('must be a string');
  const tokens = CONTINUATION.slice(0, intParam(parameters.max_new_tokens));
  const generated_text = (parameters.return_full_text === false ? '' : inputs) + tokens.join('');
  if (stream) return { status: 200, sse: tgiStream(tokens, generated_text) };
  return ok(variant === 'object' ? { generated_text } : [{ generated_text }]);
}

/** A message's text: a string, or OpenAI content parts of type text. */
function messageText(message: unknown): string {
  if (!isRecord(message)) return '';
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

/**
 * The reply is `Reply <n>: <last user message>` (n = user messages so far), cut to `max_tokens` words
 * (finish_reason `length` then). Streams: a role-only chunk, one chunk per word, an empty delta with the
 * finish reason, `[DONE]`.
 */
export function chatCompletion(body: Record<string, unknown>, model: string): Answer {
  const { messages } = body;
  if (!Array.isArray(messages) || messages.length === 0) return fail(422, { message: 'messages: field required' });
  const userMessages = messages.filter((m) => isRecord(m) && m.role === 'user');
  const full = pieces(`Reply ${userMessages.length}: ${messageText(userMessages.at(-1))}`);
  const words = full.slice(0, intParam(body.max_tokens ?? body.max_completion_tokens));
  const finish_reason = words.length < full.length ? 'length' : 'stop';
  const created = Math.floor(Date.now() / 1000);
  const base = { id: '', created, model, system_fingerprint: FINGERPRINT };

  if (body.stream === true) {
    const chunk = (delta: object, finish: string | null) =>
      sseData({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
    return {
      status: 200,
      sse: [
        chunk({ role: 'assistant' }, null),
        ...words.map((content) => chunk({ role: 'assistant', content }, null)),
        chunk({}, finish_reason),
        'data: [DONE]\n\n',
      ],
    };
  }
  const promptTokens = messages.reduce((n: number, m) => n + pieces(messageText(m)).length, 0);
  return ok({
    object: 'chat.completion',
    ...base,
    choices: [{ index: 0, message: { role: 'assistant', content: words.join('') }, logprobs: null, finish_reason }],
    usage: { prompt_tokens: promptTokens, completion_tokens: words.length, total_tokens: promptTokens + words.length },
  });
}
