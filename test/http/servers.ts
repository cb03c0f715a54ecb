import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Running {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

/** Starts a listener on a loopback address, port 0; `close()` also drops open (kept-alive or hanging) connections. */
export async function listen(handler: RequestListener, host = '127.0.0.1'): Promise<Running> {
  const server = createServer(handler);
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function freePort(): Promise<number> {
  const running = await listen(() => {});
  const { port } = running.server.address() as AddressInfo;
  await running.close();
  return port;
}

/** The request body as UTF-8 text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Streams 64 KiB chunks, honouring back-pressure, until the client goes away, 1 GiB has been sent or
 * 10 s have passed — whichever comes first.
 */
function streamEndlessly(res: ServerResponse, stats: { sent: number }): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const deadline = Date.now() + 10_000;
  res.writeHead(200, { 'content-type': 'text/plain' });
  const pump = (): void => {
    while (!res.destroyed && stats.sent < 1024 ** 3 && Date.now() < deadline) {
      stats.sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

/** Sends one byte every 50 ms for at most 10 s (or until the client leaves): never idle, never done. */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const timer = setInterval(() => res.write('.'), 50);
  const stop = setTimeout(() => res.destroy(), 10_000);
  res.on('close', () => {
    clearInterval(timer);
    clearTimeout(stop);
  });
}

/** The routes the transport tests use, and what the server saw. */
export function fixtureHandler(stats = { sent: 0, ports: [] as number[] }): RequestListener {
  return (req, res) => {
    stats.ports.push(req.socket.remotePort ?? 0);
    const path = (req.url ?? '/').split('?')[0];
    switch (path) {
      case '/redirect':
        res.writeHead(302, { location: '/echo' }).end('moved');
        return;
      case '/hang':
        return;
      case '/endless':
        streamEndlessly(res, stats);
        return;
      case '/trickle':
        trickle(res);
        return;
      case '/reset':
        req.socket.destroy();
        return;
      case '/reset-mid-body':
        res.writeHead(200, { 'content-length': '1000' });
        res.write('partial', () => req.socket.destroy());
        return;
      case '/big-header':
        res.writeHead(200, { 'x-big': 'a'.repeat(64 * 1024) }).end();
        return;
      case '/invalid-utf8':
        res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x6f, 0xff, 0xfe, 0x6b]));
        return;
      case '/exact':
        res.writeHead(200).end('x'.repeat(Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n'))));
        return;
      case '/utf8-split':
        // 'é' is two bytes: a cap of 3 bytes cuts the second 'é' in half.
        res.writeHead(200).end('aéé');
        return;
      case '/repeated':
        res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; HttpOnly']);
        res.setHeader('X-Multi', ['one', 'two']);
        res.setHeader('X-Upper', 'Case');
        res.writeHead(204).end();
        return;
      default:
        void readBody(req).then((body) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
        });
    }
  };
}
