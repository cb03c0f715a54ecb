import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/errors.js';
import { discoverSpec } from '../../src/spec/discover.js';
import { loadSpec } from '../../src/spec/load.js';

const YAML_SPEC = 'openapi: 3.0.3\ninfo: { title: Found, version: "1" }\npaths:\n  /things:\n    get: {}\n';
const JSON_SPEC = JSON.stringify({ swagger: '2.0', info: { title: 'Root', version: '1' }, basePath: '/service/v1', paths: { '/x': { get: {} } } });

// Routes of the test server: path → [status, content type, body]; anything else is 404.
let routes: Record<string, [number, string, string]> = {};
const requested: string[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const [status, type, body] = routes[request.url ?? ''] ?? [404, 'text/plain', 'not found'];
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function serve(next: typeof routes): void {
  routes = next;
  requested.length = 0;
}

describe('discoverSpec', () => {
  it('finds a YAML document below the base URL path, trying the well-known paths in order', async () => {
    serve({ '/api/openapi.yaml': [200, 'application/yaml', YAML_SPEC] });
    expect(await discoverSpec(`${origin}/api/`)).toBe(`${origin}/api/openapi.yaml`);
    expect(requested).toEqual(['/api/openapi.json', '/api/openapi.yaml']);
  });

  it('falls back to the origin root, and the found URL loads', async () => {
    serve({ '/swagger.json': [200, 'application/json', JSON_SPEC] });
    const found = await discoverSpec(`${origin}/service/v1`);
    expect(found).toBe(`${origin}/swagger.json`);
    expect(requested.slice(0, 3)).toEqual(['/service/v1/openapi.json', '/service/v1/openapi.yaml', '/service/v1/swagger.json']);
    const spec = await loadSpec(found);
    expect(spec).toMatchObject({ title: 'Root', serverPath: '/service/v1' });
    expect(spec.operations.map((op) => op.key)).toEqual(['GET /x']);
  });

  it('skips pages that answer 200 without an API description (single-page-app fallbacks, other JSON)', async () => {
    const html = '<!doctype html><html><body>app</body></html>';
    serve({
      '/openapi.json': [200, 'text/html', html],
      '/openapi.yaml': [200, 'text/html', html],
      '/swagger.json': [200, 'application/json', '{"status":"ok"}'],
      '/v3/api-docs': [200, 'application/json', JSON.stringify({ openapi: '3.1.0', info: {}, paths: {} })],
    });
    expect(await discoverSpec(origin)).toBe(`${origin}/v3/api-docs`);
  });

  it('lists every URL tried and what it answered, and tells to pass --spec', async () => {
    serve({ '/openapi.json': [500, 'text/plain', 'boom'] });
    const error: unknown = await discoverSpec(`${origin}/v2`).catch((reason: unknown) => reason);
    if (!isUsageError(error)) throw new Error('expected a UsageError');
    expect(error.code).toBe('SPECGATE_SPEC_NOT_FOUND');
    expect(error.hint).toContain('--spec');
    expect(error.message).toContain(`${origin}/v2/openapi.json: answered 404`);
    expect(error.message).toContain(`${origin}/openapi.json: answered 500`);
    expect(error.message).toContain(`${origin}/openapi/: answered 404`);
    expect(requested).toHaveLength(18);
  });

  it('reports a server that does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(discoverSpec(deadOrigin)).rejects.toThrow(`${deadOrigin}/openapi.json: failed (`);
  });
});
