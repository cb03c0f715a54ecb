import { describe, expect, it } from 'vitest';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';
import { ordersFastify } from '../fixtures/errors/orders-fastify.js';

const spec = 'test/fixtures/errors/orders-problem.openapi.json';
const config = { fixtures: { default: { id: 1 } } };

describe('errors suite against the Fastify problem+json API', () => {
  it('passes the correct server, with problem+json inferred from the documented media type', async () => {
    const report = await runAgainst({ spec, app: ordersFastify(), config, selection: { suites: ['errors'] }, allowDestructive: true });
    expect(failedChecks(report)).toEqual([]);
    expect(resultsOf(report, 'errors.envelope')[0]?.message).toContain('the problem+json format (inferred from');
    expect(resultsOf(report, 'errors.bad-input').every((r) => r.outcome === 'pass')).toBe(true);
  });

  it('passes the correct server with every suite’s traffic and the format configured', async () => {
    const report = await runAgainst({
      spec,
      app: ordersFastify(),
      config: { ...config, errors: { format: 'problem+json' }, requestIdHeader: 'X-Request-Id' },
      selection: { suites: ['paths', 'errors'] },
      allowDestructive: true,
    });
    expect(failedChecks(report)).toEqual([]);
  });

  it('fails errors.envelope only when the problem status differs from the HTTP status', async () => {
    const report = await runAgainst({ spec, app: ordersFastify('problem-status-mismatch'), config, selection: { suites: ['errors'] }, allowDestructive: true });
    expect(failedChecks(report)).toEqual(['errors.envelope']);
    const failure = resultsOf(report, 'errors.envelope').find((r) => r.outcome === 'fail')!;
    expect(failure.message).toContain('"status" is 422 but the HTTP status is 400 (RFC 9457 §3.1.2: they must match)');
  });
});
