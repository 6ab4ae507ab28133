// The benchmark: every scenario, the compared clients in the same run, alternating,
// several rounds; a table on stdout and a JSON file of results. `--smoke` runs each
// scenario for seconds (part of npm test, so the benchmark never rots).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { batchScenario } from './batch';
import { largeMediaScenario } from './largeMedia';
import { overheadScenario } from './overhead';
import { startHfServer, startServer } from './servers';
import { startupScenario } from './startup';
import { streamingScenario } from './streaming';
import { fmt } from './stats';

const smoke = process.argv.includes('--smoke');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const ROOT = join(__dirname, '..', '..');

interface Target { what: string; measured: number; limit: number; unit: string; higherIsBetter?: boolean }
const targets: Target[] = [];
const target = (t: Target) => targets.push(t);
const results: Record<string, unknown> = {};
let passed = 0;
let failed = 0;

async function scenario(name: string, fn: () => Promise<string>): Promise<void> {
  if (only && !only.includes(name)) return;
  console.log(`\n## ${name}`);
  const started = performance.now();
  try {
    console.log(await fn());
    passed++;
    console.log(`(${fmt((performance.now() - started) / 1000, 1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAILED: ${(e as Error).stack ?? String(e)}`);
  }
}

async function main(): Promise<void> {
  console.log(`# Benchmark ${smoke ? '(smoke run: figures are not meaningful)' : ''}\n${new Date().toISOString()} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GB`);

  await scenario('overhead', async () => {
    const server = await startHfServer();
    try {
      const { rows, text } = await overheadScenario(server.url, smoke ? 200 : 2000, smoke ? 1 : 5);
      results.overhead = rows;
      for (const c of [1, 32]) {
        const ex = rows.find((r) => r.client === 'executor' && r.concurrency === c)!;
        target({ what: `executor req/s vs raw undici, concurrency ${c}`, measured: ex.vsUndici, limit: 0.85, unit: '×', higherIsBetter: true });
        target({ what: `executor req/s vs @huggingface/inference, concurrency ${c}`, measured: ex.vsHfClient, limit: 1.5, unit: '×', higherIsBetter: true });
      }
      return text;
    } finally {
      await server.stop();
    }
  });

  await scenario('batch', async () => {
    const latency = 50;
    const server = await startHfServer(latency);
    try {
      const { result, text } = await batchScenario(server.url, smoke ? 40 : 1000, latency, smoke ? 5 : 1000);
      results.batch = result;
      if (result.failed) throw new Error(`${result.failed} files failed`);
      target({ what: 'folder batch wall time vs ideal', measured: result.vsIdeal, limit: 1.1, unit: '×' });
      return text;
    } finally {
      await server.stop();
    }
  });

  await scenario('large-media', async () => {
    const server = await startHfServer();
    try {
      const size = (smoke ? 8 : 100) * 2 ** 20;
      const { rows, text } = largeMediaScenario(server.url, size);
      results.largeMedia = rows;
      const blob = rows.find((r) => r.mode === 'blob')!;
      const buffer = rows.find((r) => r.mode === 'buffer')!;
      if (!/SECOND RECORDING/.test(blob.text)) throw new Error(`unexpected transcript: ${blob.text}`);
      target({ what: 'upload from memory: peak RSS growth vs file size', measured: buffer.growthRatio, limit: 1.2, unit: '×' });
      target({ what: 'upload streamed from disk: peak RSS growth', measured: blob.growth / 2 ** 20, limit: 64, unit: 'MB' });
      return text;
    } finally {
      await server.stop();
    }
  });

  await scenario('streaming', async () => {
    const server = await startServer('bench/streamServer.js');
    try {
      const { rows, text } = await streamingScenario(server.url, smoke ? 100 : 2000, 1, smoke ? 1 : 4);
      results.streaming = rows;
      target({ what: 'streaming: p99 token delay (executor)', measured: rows.find((r) => r.client === 'executor')!.p99, limit: 5, unit: 'ms' });
      return text;
    } finally {
      await server.stop();
    }
  });

  await scenario('startup', async () => {
    const { result, text } = startupScenario(smoke ? 2 : 10);
    results.startup = result;
    target({ what: 'dist/extension.js size', measured: result.extensionBytes / 1024, limit: 400, unit: 'KB' });
    if (result.vsixBytes) target({ what: 'VSIX size', measured: result.vsixBytes / 1024, limit: 1024, unit: 'KB' });
    if (result.activationMs !== undefined) target({ what: 'activate() time (our own code, in the real VS Code)', measured: result.activationMs, limit: 20, unit: 'ms' });
    return text;
  });

  console.log('\n## Targets');
  for (const t of targets) {
    const met = t.higherIsBetter ? t.measured >= t.limit : t.measured <= t.limit;
    console.log(`${met ? 'met ' : 'MISS'}  ${t.what}: ${fmt(t.measured)} ${t.unit} (target ${t.higherIsBetter ? '≥' : '≤'} ${t.limit} ${t.unit})`);
  }
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, smoke ? 'smoke.json' : 'latest.json');
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, smoke, results, targets }, null, 2));
  console.log(`\nresults: ${file}`);

  // In npm test, each scenario that ran to the end counts as a passed check.
  if (process.env.TEST_STATS_FILE) writeFileSync(process.env.TEST_STATS_FILE, JSON.stringify({ passed, failed, skipped: 0 }));
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
