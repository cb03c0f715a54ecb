import { describe, expect, it } from 'vitest';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';
import { ordersExpress, type OrdersFault } from '../fixtures/errors/orders-express.js';

const spec = 'test/fixtures/errors/orders-envelope.openapi.json';
const config = { fixtures: { default: { id: 1 } } };
const errorsSuite = { suites: ['errors'] };

const run = (fault: OrdersFault, selection = errorsSuite) => runAgainst({ spec, app: ordersExpress(fault), config, selection, allowDestructive: true });

describe('errors suite against the Express envelope API', () => {
  it('passes the correct server, with the format inferred from the document', async () => {
    const report = await run('correct');
    expect(failedChecks(report)).toEqual([]);
    const [envelope] = resultsOf(report, 'errors.envelope');
    expect(envelope?.message).toContain('the envelope format (inferred from');
    expect(resultsOf(report, 'errors.bad-input').map((r) => r.outcome)).toEqual(['pass', 'pass']);
  });

  it('passes the correct server when the paths suite adds its traffic', async () => {
    const report = await run('correct', { suites: ['paths', 'errors'] });
    expect(failedChecks(report)).toEqual([]);
  });

  it.each<[OrdersFault, string, string]>([
    ['plain-text-404', 'errors.envelope', '*'],
    ['wrong-code', 'errors.envelope', '*'],
    ['request-id-on-success-only', 'errors.request-id', 'POST /orders'],
    ['stack-trace', 'errors.no-stack-trace', 'GET /orders'],
    ['default-error-page', 'errors.no-stack-trace', '*'],
    ['crash-on-malformed-json', 'errors.bad-input', 'POST /orders'],
    ['accepts-missing-field', 'errors.bad-input', 'POST /orders'],
    ['crash-on-valid', 'errors.server-error', 'GET /orders/{id}'],
  ])('%s fails %s only', async (fault, check, operation) => {
    const report = await run(fault);
    expect(failedChecks(report)).toEqual([check]);
    expect(resultsOf(report, check).filter((r) => r.outcome === 'fail').map((r) => r.operation)).toContain(operation);
  });

  it('names what was wrong, what came back and what was expected', async () => {
    const plain = resultsOf(await run('plain-text-404'), 'errors.envelope').find((r) => r.outcome === 'fail')!;
    expect(plain.message).toMatch(/GET \/api\/specgate-unknown-\w+ answered 404: the body is text\/plain, not JSON: "Not Found"/);
    expect(plain.evidence?.response?.status).toBe(404);

    const code = resultsOf(await run('wrong-code'), 'errors.envelope').find((r) => r.outcome === 'fail')!;
    expect(code.message).toContain('error.code is "route_missing", but 404 takes "not_found"');

    const crash = resultsOf(await run('crash-on-malformed-json'), 'errors.bad-input').find((r) => r.outcome === 'fail')!;
    expect(crash.message).toContain('a malformed JSON body → 500, expected 400 or 422: the server failed on input it should reject');
    expect(crash.hint).toContain('entity.parse.failed');

    const accepted = resultsOf(await run('accepts-missing-field'), 'errors.bad-input').find((r) => r.outcome === 'fail')!;
    expect(accepted.message).toContain('a body without the required "item" → 201, expected 400 or 422: the API accepted it');
  });

  it('reports one result per operation with the count, not one per response', async () => {
    const report = await run('request-id-on-success-only');
    const results = resultsOf(report, 'errors.request-id');
    expect(new Set(results.map((r) => r.operation)).size).toBe(results.length);
    const post = results.find((r) => r.operation === 'POST /orders')!;
    expect(post.outcome).toBe('fail');
    expect(post.severity).toBe('error');
    expect(post.message).toMatch(/^4 of 5 responses \(400 ×3, 415\) lack a proper X-Request-Id: POST \/api\/orders answered 4\d\d: no X-Request-Id header/);
    expect(post.message).toContain('no X-Request-Id header');
  });

  it('recognises Express’s default error page and does not report it twice', async () => {
    const report = await run('default-error-page');
    const leaks = resultsOf(report, 'errors.no-stack-trace').filter((r) => r.outcome === 'fail');
    expect(leaks.map((r) => r.operation).sort()).toEqual(['*', 'POST /orders']);
    expect(leaks[0]!.message).toContain("Express's default error page");
    expect(resultsOf(report, 'errors.envelope').find((r) => r.operation === '*')).toBeUndefined();
  });

  it('skips body probes without --allow-destructive, and says how to enable them', async () => {
    const report = await runAgainst({ spec, app: ordersExpress('crash-on-malformed-json'), config, selection: errorsSuite });
    const post = resultsOf(report, 'errors.bad-input').find((r) => r.operation === 'POST /orders')!;
    expect(post.outcome).toBe('skip');
    expect(post.enableWith).toBe('--allow-destructive (or safety.safeOperations)');
    expect(failedChecks(report)).toEqual([]);
  });

  it('probes operations listed in safety.safeOperations without --allow-destructive', async () => {
    const report = await runAgainst({
      spec,
      app: ordersExpress('accepts-missing-field'),
      config: { ...config, safety: { safeOperations: ['POST /orders'] } },
      selection: errorsSuite,
    });
    expect(failedChecks(report)).toEqual(['errors.bad-input']);
  });
});
