import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody } from '../../src/http/exchange.js';
import { createUndiciClient } from '../../src/http/undici.js';
import type { HttpClient } from '../../src/http/exchange.js';
import { fixtureHandler, freePort, listen } from './servers.js';
import type { Running } from './servers.js';

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const stats = { sent: 0, ports: [] as number[] };
let running: Running;
let client: HttpClient;

beforeAll(async () => {
  running = await listen(fixtureHandler(stats));
  client = createUndiciClient({ baseUrl: running.origin, timeoutMs: 300, maxBodyBytes: 1024 });
});

afterAll(async () => {
  await client.close();
  await running.close();
});

describe('createUndiciClient round trip', () => {
  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('sends %s with headers, query and body', async (method) => {
    const exchange = await client.send({
      method,
      path: '/echo?limit=10&q=a%20b',
      headers: { 'X-Request-Id': 'r-1', 'content-type': 'application/json' },
      body: '{"name":"é"}',
    });
    expect(exchange.error).toBeUndefined();
    expect(exchange.request.url).toBe(`${running.origin}/echo?limit=10&q=a%20b`);
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.headers['content-type']).toBe('application/json');
    const echo = jsonBody(exchange.response) as Echo;
    expect(echo).toMatchObject({ method, url: '/echo?limit=10&q=a%20b', body: '{"name":"é"}' });
    expect(echo.headers['x-request-id']).toBe('r-1');
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a binary body and a HEAD without one', async () => {
    const binary = await client.send({ method: 'POST', path: '/echo', headers: {}, body: new TextEncoder().encode('bytes') });
    expect((jsonBody(binary.response) as Echo).body).toBe('bytes');
    const head = await client.send({ method: 'HEAD', path: '/echo', headers: {} });
    expect(head.response).toMatchObject({ status: 200, body: '', truncated: false });
  });

  it('reuses kept-alive connections', async () => {
    stats.ports.length = 0;
    for (let i = 0; i < 6; i++) await client.send({ method: 'GET', path: '/echo', headers: {} });
    expect(stats.ports).toHaveLength(6);
    expect(new Set(stats.ports).size).toBeLessThanOrEqual(2);
  });

  it('lower-cases header names, joins repeated ones with ", " and set-cookie with a newline', async () => {
    const { response } = await client.send({ method: 'GET', path: '/repeated', headers: {} });
    expect(response?.headers['set-cookie']).toBe('a=1; Path=/\nb=2; HttpOnly');
    expect(response?.headers['x-multi']).toBe('one, two');
    expect(response?.headers['x-upper']).toBe('Case');
  });

  it('returns a redirect as it is', async () => {
    const { response } = await client.send({ method: 'GET', path: '/redirect', headers: {} });
    expect(response).toMatchObject({ status: 302, body: 'moved' });
    expect(response?.headers.location).toBe('/echo');
  });

  it('decodes invalid UTF-8 leniently', async () => {
    const { response } = await client.send({ method: 'GET', path: '/invalid-utf8', headers: {} });
    expect(response?.body).toBe('o\uFFFD\uFFFDk');
  });
});

describe('createUndiciClient base URL', () => {
  it.each([
    ['/api', '/v1/x', '/api/v1/x'],
    ['/api/', '/v1/x', '/api/v1/x'],
    ['/api//', 'v1/x?a=1', '/api/v1/x?a=1'],
    ['', 'v1/x', '/v1/x'],
    ['/', '/v1//x', '/v1//x'],
    ['/api', '', '/api'],
    ['/api', '?a=1', '/api?a=1'],
  ])('joins base path %j and request path %j into %j', async (prefix, path, expected) => {
    const scoped = createUndiciClient({ baseUrl: running.origin + prefix, timeoutMs: 1000 });
    try {
      const exchange = await scoped.send({ method: 'GET', path, headers: {} });
      expect((jsonBody(exchange.response) as Echo).url).toBe(expected);
      expect(exchange.request.url).toBe(running.origin + expected);
      expect(exchange.request.path).toBe(path);
    } finally {
      await scoped.close();
    }
  });

  it('reports its base URL without a trailing slash', async () => {
    const scoped = createUndiciClient({ baseUrl: `${running.origin}/api/`, timeoutMs: 1000 });
    expect(scoped.baseUrl).toBe(`${running.origin}/api`);
    await scoped.close();
  });

  it.each(['not a url', 'ftp://127.0.0.1/x', '/relative'])('rejects %j as a usage error', (baseUrl) => {
    expect(() => createUndiciClient({ baseUrl, timeoutMs: 1000 })).toThrow(/not an absolute http\(s\) URL/);
  });
});

describe('createUndiciClient limits', () => {
  it('times out a server that never answers', async () => {
    const started = Date.now();
    const exchange = await client.send({ method: 'GET', path: '/hang', headers: {} });
    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toMatch(/^timeout: no response from http:\/\/127\.0\.0\.1:\d+ within 300 ms$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a body that never completes, even when bytes keep coming', async () => {
    const started = Date.now();
    const exchange = await client.send({ method: 'GET', path: '/trickle', headers: {} });
    expect(exchange.error).toMatch(/^timeout: the response body .* was not complete within 300 ms$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps the first maxBodyBytes of an endless body and stops reading', async () => {
    stats.sent = 0;
    const { response, error } = await client.send({ method: 'GET', path: '/endless', headers: {} });
    expect(error).toBeUndefined();
    expect(response?.truncated).toBe(true);
    expect(response?.body).toBe('a'.repeat(1024));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stats.sent).toBeLessThan(64 * 1024 * 1024);
  });

  it.each([
    [1024, false],
    [1025, true],
  ])('marks a body of %i bytes truncated: %s', async (n, truncated) => {
    const { response } = await client.send({ method: 'GET', path: `/exact?n=${n}`, headers: {} });
    expect(response?.truncated).toBe(truncated);
    expect(response?.body).toHaveLength(1024);
  });

  it('drops a character the cap cuts in half', async () => {
    const small = createUndiciClient({ baseUrl: running.origin, timeoutMs: 1000, maxBodyBytes: 4 });
    const { response } = await small.send({ method: 'GET', path: '/utf8-split', headers: {} });
    await small.close();
    expect(response).toMatchObject({ body: 'aé', truncated: true });
  });

  it('reports oversized response headers', async () => {
    const { error } = await client.send({ method: 'GET', path: '/big-header', headers: {} });
    expect(error).toMatch(/response headers from .* are larger than the \d+-byte limit/);
  });

  it('keeps working after failures', async () => {
    const { response } = await client.send({ method: 'GET', path: '/echo', headers: {} });
    expect(response?.status).toBe(200);
  });
});

describe('createUndiciClient network errors', () => {
  it('reports a refused connection', async () => {
    const port = await freePort();
    const refused = createUndiciClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
    const exchange = await refused.send({ method: 'GET', path: '/', headers: {} });
    await refused.close();
    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toBe(`connection refused: nothing is listening at http://127.0.0.1:${port}`);
  });

  it.each(['/reset', '/reset-mid-body'])('reports a connection reset on %s', async (path) => {
    const exchange = await client.send({ method: 'GET', path, headers: {} });
    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toMatch(/^connection reset: http:\/\/127\.0\.0\.1:\d+ closed the connection/);
  });

  it('reports a request undici refuses to send instead of throwing', async () => {
    const exchange = await client.send({ method: 'GET', path: '/echo', headers: { 'x-bad': 'a\r\nb' } });
    expect(exchange.error).toMatch(/^request to http:\/\/127\.0\.0\.1:\d+ failed: .*\(UND_ERR_INVALID_ARG\)$/);
  });
});
