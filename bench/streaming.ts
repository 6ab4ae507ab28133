// Scenario 4, streaming latency: the server writes N tokens stamped with the time
// of writing; we measure when each reaches the consumer, through the executor's
// stream() and through the raw stream (undici + the same SSE parser), alternating.
import { createParser } from 'eventsource-parser';
import { request } from 'undici';
import { sharedDispatcher, stream } from '../src/executor';
import { fmt, percentile, sortNumbers, table } from './stats';

const now = () => performance.timeOrigin + performance.now();

async function viaExecutor(url: string, tokens: number, intervalMs: number): Promise<number[]> {
  const delays: number[] = [];
  const it = stream({ task: 'TASK_TEXT_GENERATION', setup: { base_url: url, is_custom_endpoint: true }, input: { model: 'bench', inputs: 'x', parameters: { max_new_tokens: tokens } } }, { headers: { 'x-interval-ms': String(intervalMs) } });
  for await (const { text } of it) delays.push(now() - Number(text));
  return delays;
}

async function viaRaw(url: string, tokens: number, intervalMs: number): Promise<number[]> {
  const delays: number[] = [];
  const res = await request(url, { method: 'POST', dispatcher: sharedDispatcher(), headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-interval-ms': String(intervalMs) }, body: JSON.stringify({ inputs: 'x', parameters: { max_new_tokens: tokens }, stream: true }) });
  const parser = createParser({
    onEvent: (e) => {
      const t = (JSON.parse(e.data) as { token: { text: string; special: boolean } }).token;
      if (!t.special) delays.push(now() - Number(t.text));
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of res.body) parser.feed(decoder.decode(chunk as Buffer, { stream: true }));
  return delays;
}

export async function streamingScenario(url: string, tokens: number, intervalMs: number, rounds: number) {
  const got: Record<string, number[]> = { executor: [], 'raw stream': [] };
  const wall: Record<string, number> = { executor: 0, 'raw stream': 0 };
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 === 0 ? ['executor', 'raw stream'] : ['raw stream', 'executor']) {
      const started = performance.now();
      const d = name === 'executor' ? await viaExecutor(url, tokens, intervalMs) : await viaRaw(url, tokens, intervalMs);
      wall[name] += performance.now() - started;
      if (d.length !== tokens) throw new Error(`${name}: ${d.length} of ${tokens} tokens arrived`);
      got[name].push(...d);
    }
  }
  const rows = Object.entries(got).map(([name, d]) => {
    const s = sortNumbers(d);
    return { client: name, tokens: d.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1], wallMs: wall[name] / rounds };
  });
  const text = table(['consumer', 'tokens', 'p50 delay ms', 'p99 delay ms', 'max ms', 'wall s / run'], rows.map((r) => [r.client, r.tokens, fmt(r.p50, 3), fmt(r.p99, 3), fmt(r.max, 3), fmt(r.wallMs / 1000)]));
  return { rows, text };
}
