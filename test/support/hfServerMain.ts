// The test server in its own process (benchmarks, `npm start`): prints one JSON
// line `{"url":"http://127.0.0.1:PORT"}` on stdout once listening, then serves
// until SIGTERM/SIGINT or until stdin closes (so it dies with a parent that
// piped it). Flags: --token T, --latency-ms N, --port N, --host H,
// --tls-key FILE --tls-cert FILE.
import { fstatSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HfTestServer, type HfServerOptions } from './hfServer';

function optionsFromArgs(argv: string[]): HfServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      token: { type: 'string' },
      'latency-ms': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
    },
  });
  const options: HfServerOptions = {};
  if (values.token) options.token = values.token;
  if (values['latency-ms']) options.latencyMs = Number(values['latency-ms']);
  if (values.port) options.port = Number(values.port);
  if (values.host) options.host = values.host;
  if (values['tls-key'] && values['tls-cert']) options.tls = { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) };
  return options;
}

/** Stdin from a parent's pipe or a terminal; /dev/null (stdio "ignore") would end at once and is not watched. */
function stdinIsALifeline(): boolean {
  const stat = fstatSync(0);
  return stat.isFIFO() || stat.isSocket() || process.stdin.isTTY === true;
}

async function main(): Promise<void> {
  const server = await HfTestServer.start(optionsFromArgs(process.argv.slice(2)));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (stdinIsALifeline()) {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
