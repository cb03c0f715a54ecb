import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../../src/checks/check.js';
import { envelope } from '../../src/checks/errors/envelope.js';
import { noStackTrace } from '../../src/checks/errors/no-stack-trace.js';
import { requestId } from '../../src/checks/errors/request-id.js';
import { serverError } from '../../src/checks/errors/server-error.js';
import type { Finding } from '../../src/checks/result.js';
import { parseConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Exchange } from '../../src/http/exchange.js';
import type { ApiSpec } from '../../src/spec/model.js';
import { loadSpec } from '../../src/spec/load.js';
import { exchange, observingContext } from './observed-context.js';

let spec: ApiSpec;
beforeAll(async () => {
  spec = await loadSpec('test/fixtures/errors/orders-envelope.openapi.json');
});

const run = (check: CheckDefinition, log: Exchange[], config: ConfigInput = {}): Promise<Finding[]> =>
  check.run(observingContext(spec, parseConfig(config, 'test'), log));
const about = (findings: Finding[], operation: string) => findings.filter((f) => f.operation === operation);
const envelope404 = '{"error":{"code":"not_found","message":"no such order"}}';

describe('the errors observers judge each response fairly', () => {
  it('leave out empty 401 challenges, HEAD responses and truncated bodies from the error format', async () => {
    const findings = await run(envelope, [
      exchange('GET', '/api/orders/1', { status: 401, headers: { 'www-authenticate': 'Bearer realm="api"', 'x-request-id': 'x' } }),
      exchange('HEAD', '/api/orders/2', { status: 404 }),
      exchange('GET', '/api/orders/3', { status: 500, body: '{"error": {"code": "internal_se', truncated: true }),
      exchange('GET', '/api/orders/4', { status: 404, body: envelope404 }),
    ]);
    expect(about(findings, 'GET /orders/{id}')).toMatchObject([{ outcome: 'pass', message: expect.stringMatching(/^1 error response \(404\) follows/) }]);
  });

  it('judge only API paths for the format, but every path for 5xx', async () => {
    const log = [exchange('GET', '/favicon.ico', { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' })];
    expect((await run(envelope, log)).filter((f) => f.outcome === 'fail')).toEqual([]);
    expect(about(await run(serverError, log), '*')).toMatchObject([{ outcome: 'fail', message: expect.stringContaining('GET /favicon.ico answered 502') }]);
  });

  it('leave a 501 for an undocumented method to the paths suite', async () => {
    const findings = await run(serverError, [exchange('PUT', '/api/orders', { status: 501, body: '{"error":{"code":"not_implemented","message":"no"}}' })]);
    expect(findings.filter((f) => f.outcome === 'fail')).toEqual([]);
  });

  it('require the request id on bodiless responses too, such as 204', async () => {
    const findings = await run(requestId, [
      exchange('GET', '/api/orders', { status: 200, body: '[]' }),
      exchange('POST', '/api/orders', { status: 204, headers: {} }),
    ]);
    expect(about(findings, 'POST /orders')).toMatchObject([{ outcome: 'fail', message: expect.stringContaining('answered 204: no X-Request-Id header') }]);
  });

  it('do not take one frame quoted in data for a stack trace', async () => {
    const body = JSON.stringify([{ id: 1, item: 'crash report', note: '    at getOrder (/usr/src/app/src/routes/orders.js:42:27)' }]);
    expect(about(await run(noStackTrace, [exchange('GET', '/api/orders', { status: 200, body })]), 'GET /orders')).toMatchObject([{ outcome: 'pass' }]);
  });

  it('warn once, API-wide, about headers that reveal the server software', async () => {
    const headers = { 'x-powered-by': 'Express', server: 'nginx/1.25.3', 'x-request-id': 'x', 'content-type': 'application/json' };
    const findings = await run(noStackTrace, [
      exchange('GET', '/api/orders', { status: 200, headers, body: '[]' }),
      exchange('GET', '/api/orders/1', { status: 200, headers, body: '{"id":1}' }),
    ]);
    expect(about(findings, '*')).toMatchObject([
      { outcome: 'fail', severity: 'warning', message: 'responses reveal the server software: X-Powered-By: Express, Server: nginx/1.25.3' },
    ]);
    expect(about(findings, 'GET /orders')).toMatchObject([{ outcome: 'pass' }]);
  });

  it('ignore operations the config excludes', async () => {
    const findings = await run(serverError, [exchange('GET', '/api/orders/1', { status: 500, body: envelope404 })], { exclude: ['GET /orders/*'] });
    expect(about(findings, 'GET /orders/{id}')).toEqual([]);
  });

  it('report one finding per operation for a fault on many responses', async () => {
    const log = Array.from({ length: 50 }, (_, i) => exchange('GET', `/api/orders/${i + 1}`, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' }));
    const findings = about(await run(envelope, log), 'GET /orders/{id}');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^50 of 50 error responses \(404 ×50\) break the envelope format \(inferred from 6 documented error responses\): GET \/api\/orders\/1 answered 404/);
  });
});
