// Benchmark servers run in their own processes, so they never share the client's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

const OUT = join(__dirname, '..');

/** Starts a compiled server script (under out/) that prints `{"url": …}` on its first line. */
export async function startServer(script: string, args: string[] = []): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(OUT, script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (e) {
        reject(e);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The loopback HF-compatible server, optionally answering after `latencyMs`. */
export function startHfServer(latencyMs = 0): Promise<ServerProcess> {
  return startServer('test/support/hfServerMain.js', latencyMs ? ['--latency-ms', String(latencyMs)] : []);
}
