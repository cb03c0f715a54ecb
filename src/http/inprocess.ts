import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { SpecgateError } from '../errors.js';
import type { HttpClient } from './exchange.js';
import { createUndiciClient } from './undici.js';
import type { UndiciClientOptions } from './undici.js';

/** A Node request listener: a plain handler, or an Express / Connect / Koa-`callback()` app. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The part of a Fastify instance specgate uses. */
export interface FastifyLike {
  ready(): PromiseLike<unknown>;
  readonly server: Server;
}

/** An API specgate can run in the same process: an `http.Server`, a request handler or a Fastify instance. */
export type AppLike = Server | RequestHandler | FastifyLike;

export type InProcessClientOptions = Omit<UndiciClientOptions, 'baseUrl'> & {
  /** Path prefix of the app's routes (the spec's server path), e.g. `/api`. */
  basePath?: string;
};

/**
 * An HttpClient for an app in this process: listens on 127.0.0.1, port 0, once (unless the server already
 * listens) and sends through the undici client, so caps, timeouts and redirects behave exactly as against
 * a live URL. `close()` closes the client and the listener it opened, never one it was given open.
 */
export async function createInProcessClient(app: AppLike, options: InProcessClientOptions): Promise<HttpClient> {
  const server = await serverOf(app);
  const opened = !server.listening;
  if (opened) {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  }
  const { basePath = '', ...transport } = options;
  const client = createUndiciClient({
    ...transport,
    baseUrl: `http://${hostOf(server)}/${basePath.replace(/^\/+/, '')}`,
  });
  return {
    baseUrl: client.baseUrl,
    send: (request, control) => client.send(request, control),
    async close() {
      await client.close();
      if (opened) await shut(server);
    },
  };
}

async function serverOf(app: AppLike): Promise<Server> {
  if (typeof app === 'function') return createServer(app);
  if ('ready' in app) {
    await app.ready();
    return app.server;
  }
  return app;
}

function hostOf(server: Server): string {
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new SpecgateError('SPECGATE_TRANSPORT', 'the in-process app listens on a pipe; specgate needs a TCP listener');
  }
  const unspecified = address.address === '0.0.0.0' || address.address === '::';
  const host = unspecified ? '127.0.0.1' : address.address;
  return `${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

async function shut(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
