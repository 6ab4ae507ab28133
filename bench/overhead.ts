// Scenario 1, per-request overhead: small text-classification requests at
// concurrency 1 and 32, the executor against raw undici on the same keep-alive
// dispatcher (the floor), Hugging Face's own client, and Node's fetch.
import { InferenceClient } from '@huggingface/inference';
import { request } from 'undici';
import { execute, sharedDispatcher } from '../src/executor';
import { fmt, median, percentile, sortNumbers, table } from './stats';

const MODEL = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';
const INPUTS = 'I love this extension';
type Client = () => Promise<unknown>;

function clients(url: string): Record<string, Client> {
  const modelUrl = `${url}/models/${MODEL}`;
  const body = JSON.stringify({ inputs: INPUTS });
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  const hf = new InferenceClient(undefined, { endpointUrl: modelUrl });
  return {
    executor: () => execute({ task: 'TASK_TEXT_CLASSIFICATION', setup: { base_url: url }, input: { model: MODEL, inputs: INPUTS } }),
    'raw undici': async () => {
      const res = await request(modelUrl, { method: 'POST', body, headers, dispatcher: sharedDispatcher() });
      return res.body.json();
    },
    '@huggingface/inference': () => hf.textClassification({ model: MODEL, inputs: INPUTS }),
    'node fetch': async () => (await fetch(modelUrl, { method: 'POST', body, headers })).json(),
  };
}

/** Runs `client` from `lanes` concurrent loops for `ms`; returns the count and latencies. */
async function drive(client: Client, lanes: number, ms: number): Promise<{ count: number; latencies: number[] }> {
  const until = performance.now() + ms;
  const latencies: number[] = [];
  const lane = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      await client();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { count: latencies.length, latencies };
}

export interface OverheadRow {
  client: string;
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  vsUndici: number;
  vsHfClient: number;
}

export async function overheadScenario(url: string, sliceMs: number, rounds: number): Promise<{ rows: OverheadRow[]; text: string }> {
  const all = clients(url);
  const names = Object.keys(all);
  const rows: OverheadRow[] = [];
  for (const concurrency of [1, 32]) {
    for (const name of names) await drive(all[name], concurrency, Math.min(300, sliceMs)); // warm-up
    const rps: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const lat: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) {
      // Alternate the order each round, so no client always runs first or last.
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const { count, latencies } = await drive(all[name], concurrency, sliceMs);
        rps[name].push(count / (sliceMs / 1000));
        lat[name].push(...latencies);
      }
    }
    const med = Object.fromEntries(names.map((n) => [n, median(rps[n])]));
    for (const name of names) {
      const sorted = sortNumbers(lat[name]);
      rows.push({ client: name, concurrency, rps: med[name], p50: percentile(sorted, 50), p99: percentile(sorted, 99), vsUndici: med[name] / med['raw undici'], vsHfClient: med[name] / med['@huggingface/inference'] });
    }
  }
  const text = table(
    ['client', 'conc', 'req/s', 'p50 ms', 'p99 ms', '× raw undici', '× HF client'],
    rows.map((r) => [r.client, r.concurrency, fmt(r.rps, 0), fmt(r.p50, 3), fmt(r.p99, 3), fmt(r.vsUndici), fmt(r.vsHfClient)]),
  );
  return { rows, text };
}
