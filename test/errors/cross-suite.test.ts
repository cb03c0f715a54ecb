import { describe, expect, it } from 'vitest';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';
import { ordersExpress } from '../fixtures/errors/orders-express.js';

const spec = 'test/fixtures/errors/orders-envelope.openapi.json';
const config = { fixtures: { default: { id: 1 } } };

describe('the errors checks judge every suite’s responses', () => {
  it('misses a plain-text 405 that only the paths suite provokes when run alone', async () => {
    const report = await runAgainst({ spec, app: ordersExpress('plain-405'), config, selection: { suites: ['errors'] }, allowDestructive: true });
    expect(failedChecks(report)).toEqual([]);
  });

  it('catches it in the 405 that paths.method-not-allowed received', async () => {
    const report = await runAgainst({
      spec,
      app: ordersExpress('plain-405'),
      config,
      selection: { checks: ['paths.method-not-allowed', 'errors.envelope'] },
      allowDestructive: true,
    });
    expect(failedChecks(report)).toEqual(['errors.envelope']);
    const failure = resultsOf(report, 'errors.envelope').find((r) => r.outcome === 'fail')!;
    expect(failure.operation).toBe('*');
    expect(failure.message).toMatch(/PUT \/api\/orders(\/1)? answered 405: the body is text\/plain, not JSON: "Method Not Allowed"/);
  });
});
