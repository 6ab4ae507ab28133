// A loopback forward proxy: absolute-form HTTP requests are forwarded, CONNECT
// opens a tunnel (for HTTPS). It records what went through it, and can refuse.
import * as http from 'node:http';
import * as net from 'node:net';

export interface ProxyRecord {
  method: string;
  /** The absolute URL (HTTP) or host:port (CONNECT). */
  target: string;
  /** Whether the client sent an Authorization header to the proxy itself (it must not, for HTTPS). */
  headers: Record<string, string | string[] | undefined>;
}

export class TestProxy {
  readonly seen: ProxyRecord[] = [];
  /** When set, every request is answered with this status instead of being forwarded. */
  refuseWith: number | undefined;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: http.Server, readonly url: string) {}

  static async start(): Promise<TestProxy> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TestProxy(server, `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    server.on('connection', (s: net.Socket) => {
      proxy.sockets.add(s);
      s.on('close', () => proxy.sockets.delete(s));
    });
    server.on('request', (req, res) => proxy.forward(req, res));
    server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => proxy.tunnel(req, socket, head));
    return proxy;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.seen.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    if (this.refuseWith) {
      res.writeHead(this.refuseWith).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const upstream = http.request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  private tunnel(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    this.seen.push({ method: 'CONNECT', target: req.url ?? '', headers: req.headers });
    this.sockets.add(socket);
    if (this.refuseWith) {
      socket.end(`HTTP/1.1 ${this.refuseWith} Refused\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
