// One large-upload run in a fresh process, so its peak RSS is its own.
// argv: url, file, mode (blob | buffer | base64). Prints one JSON line.
import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { execute } from '../src/executor';
import { makeWav } from '../test/support/media';

async function main(): Promise<void> {
  const [url, file, mode] = process.argv.slice(2);
  const setup = { base_url: url };
  const model = 'openai/whisper-large-v3';
  // Warm up: load every module and open the connection before measuring.
  await execute({ task: 'TASK_SPEECH_RECOGNITION', setup, input: { model, audio: makeWav(0.1) } });
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const baseline = process.memoryUsage().rss;
  const size = (await stat(file)).size;
  const started = performance.now();
  const audio = mode === 'blob' ? await openAsBlob(file) : mode === 'buffer' ? await readFile(file) : (await readFile(file)).toString('base64');
  const out = (await execute({ task: 'TASK_SPEECH_RECOGNITION', setup, input: { model, audio } }, { timeoutMs: 120_000 })) as { text: string };
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ mode, size, ms, baseline, peak, growth: peak - baseline, text: out.text })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
