import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';

/**
 * The Bookshelf API (openapi.json) of the example project: lists that paginate with `limit` and `cursor`,
 * bearer tokens, errors in the envelope format, and X-Request-Id and X-Request-Duration-Ms on every
 * response — which the project's own suites (../contract) check besides specgate's built-in ones.
 */
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Route {
  pattern: RegExp;
  public?: boolean;
  get(url: URL, params: string[]): Reply;
}

const TOKENS = new Set(['reader-token']);
const MAX_LIMIT = 50;
const BOOKS = [
  { id: 'b-1', title: 'The Left Hand of Darkness', author_id: 'a-1' },
  { id: 'b-2', title: 'The Dispossessed', author_id: 'a-1' },
  { id: 'b-3', title: 'Kindred', author_id: 'a-2' },
];
const AUTHORS = [
  { id: 'a-1', name: 'Ursula K. Le Guin' },
  { id: 'a-2', name: 'Octavia E. Butler' },
];

const ROUTES: Route[] = [
  { pattern: /^\/api\/health$/, public: true, get: () => ({ status: 200, body: { status: 'ok' } }) },
  { pattern: /^\/api\/books$/, get: (url) => page(BOOKS, url) },
  {
    pattern: /^\/api\/books\/([^/]+)$/,
    get: (_url, [id]) => {
      const book = BOOKS.find((b) => b.id === id);
      return book ? { status: 200, body: book } : error(404, 'not_found', 'no such book');
    },
  },
  { pattern: /^\/api\/authors$/, get: (url) => page(AUTHORS, url) },
];

export function createBookshelf(): RequestListener {
  return (req, res) => {
    const started = performance.now();
    const reply = route(req);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'x-request-id': req.headers['x-request-id']?.toString() ?? randomUUID(),
      'x-request-duration-ms': (performance.now() - started).toFixed(2),
      ...reply.headers,
    });
    res.end(JSON.stringify(reply.body));
  };
}

function route(req: IncomingMessage): Reply {
  const url = new URL(req.url ?? '/', 'http://bookshelf.internal');
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    if (req.method !== 'GET' && req.method !== 'HEAD') return { ...error(405, 'method_not_allowed', `${req.method} is not allowed here`), headers: { allow: 'GET, HEAD' } };
    if (!candidate.public) {
      const refused = authenticate(req.headers.authorization);
      if (refused) return refused;
    }
    return candidate.get(url, match.slice(1));
  }
  return error(404, 'not_found', 'no such route');
}

function authenticate(authorization = ''): Reply | undefined {
  const [scheme, token] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    return { ...error(401, 'authentication_failed', 'a bearer token is required'), headers: { 'www-authenticate': 'Bearer realm="bookshelf"' } };
  }
  if (TOKENS.has(token)) return undefined;
  return { ...error(401, 'authentication_failed', 'the token is not valid'), headers: { 'www-authenticate': 'Bearer realm="bookshelf", error="invalid_token"' } };
}

function page<T>(items: readonly T[], url: URL): Reply {
  const limit = url.searchParams.get('limit') ?? '20';
  const cursor = url.searchParams.get('cursor') ?? 'o-0';
  const size = Number(limit);
  const offset = Number(/^o-(\d+)$/.exec(cursor)?.[1] ?? NaN);
  if (!/^\d+$/.test(limit) || size < 1 || size > MAX_LIMIT) return error(400, 'validation_error', `limit must be a whole number from 1 to ${MAX_LIMIT}`);
  if (!Number.isSafeInteger(offset)) return error(400, 'validation_error', 'cursor is not one this API gave out');
  const next = offset + size < items.length ? `o-${offset + size}` : null;
  return { status: 200, body: { items: items.slice(offset, offset + size), next } };
}

function error(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message, details: {} } } };
}
