// A TGI-like streaming server for the latency benchmark, in its own process. Each
// token's text is the time it was written (ms since the epoch, high resolution),
// so the consumer can measure the delay. Tokens: `parameters.max_new_tokens`;
// pace: header x-interval-ms. Prints `{"url": …}` once listening.
import * as http from 'node:http';

const now = () => performance.timeOrigin + performance.now();

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { parameters?: { max_new_tokens?: number } };
    const total = body.parameters?.max_new_tokens ?? 100;
    const interval = Number(req.headers['x-interval-ms'] ?? 1);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let i = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (i === total) {
        res.end(`data:{"index":${i},"token":{"id":2,"text":"</s>","special":true},"generated_text":"done","details":null}\n\n`);
        return;
      }
      res.write(`data:{"index":${i},"token":{"id":${i},"text":" ${now().toFixed(3)}","logprob":-0.1,"special":false},"generated_text":null,"details":null}\n\n`);
      i++;
      setTimeout(tick, interval);
    };
    tick();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
