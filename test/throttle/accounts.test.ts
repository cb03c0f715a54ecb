import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { resultsOf, runAgainst } from '../helpers/contract.js';
import { accountsExpress } from '../fixtures/throttle/accounts-express.js';
import { ACCOUNTS_SPEC, throttleOutcomes } from './support.js';

const OPERATIONS = ['POST /auth/token', 'GET /reports', 'GET /exports', 'GET /search'];

/** The accounts config with every operation but `only` excluded, so each test probes one throttle. */
function configFor(only: string, extra: Partial<ConfigInput> = {}): ConfigInput {
  return {
    identities: {
      alice: { headers: { Authorization: 'Bearer alice-token' } },
      bob: { headers: { Authorization: 'Bearer bob-token' } },
    },
    throttles: [
      { operation: 'POST /auth/token', rate: '3/2s' },
      { operation: 'GET /reports', limit: 5, window: '1h', key: 'identity' },
    ],
    exclude: OPERATIONS.filter((op) => op !== only),
    ...extra,
  };
}

const run = (only: string, extra: Partial<ConfigInput> = {}) =>
  runAgainst({ spec: ACCOUNTS_SPEC, app: accountsExpress(), config: configFor(only, extra), selection: { suites: ['throttle'] } });

describe('throttles from the config, unsafe operations, long windows, undocumented limits', () => {
  it('skips a throttled login (POST) unless it may be called, naming both ways to allow it', async () => {
    const report = await run('POST /auth/token');
    const results = report.results.filter((r) => r.check.startsWith('throttle.'));
    expect(results).toHaveLength(6);
    for (const result of results) {
      expect(result.outcome).toBe('skip');
      expect(result.enableWith).toBe('--allow-destructive (or safety.safeOperations: ["POST /auth/token"])');
    }
    expect(report.summary.requests).toBe(0);
  });

  it('probes a login listed in safety.safeOperations; a per-address limit skips key-isolation', async () => {
    const report = await run('POST /auth/token', { safety: { safeOperations: ['POST /auth/token'] } });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual({
      'throttle.enforced': 'pass',
      'throttle.limit-matches': 'pass',
      'throttle.retry-after': 'pass',
      'throttle.headers': 'pass',
      'throttle.key-isolation': 'skip',
      'throttle.recovery': 'pass',
    });
    expect(resultsOf(report, 'throttle.key-isolation')[0]!.enableWith).toBe('throttles[0].key: "identity" (if the API counts per identity)');
  });

  it('proves a 5-per-hour limit in one burst and skips recovery, naming --max-wait', async () => {
    const started = Date.now();
    const report = await run('GET /reports');
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual({
      'throttle.enforced': 'pass',
      'throttle.limit-matches': 'pass',
      'throttle.retry-after': 'pass',
      'throttle.headers': 'pass',
      'throttle.key-isolation': 'pass',
      'throttle.recovery': 'skip',
    });
    const recovery = resultsOf(report, 'throttle.recovery')[0]!;
    expect(recovery.message).toMatch(/longer than --max-wait 5 s/);
    expect(recovery.enableWith).toMatch(/^--max-wait \d+$/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reads the limit from the headers when only a 429 is documented', async () => {
    const report = await run('GET /exports');
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toMatchObject({
      'throttle.enforced': 'pass',
      'throttle.limit-matches': 'pass',
      'throttle.headers': 'pass',
      'throttle.recovery': 'pass',
    });
    expect(resultsOf(report, 'throttle.limit-matches')[0]!.message).toMatch(/request 5 .*4 per 1 s \(announced by the server.s RateLimit header; no limit is documented\)/);
  });

  it('counts exactly with 16 requests in flight: 50 allowed, tolerance 0, the tighter of two x-rate-limits', async () => {
    const report = await run('GET /search', { concurrency: 16 });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toMatchObject({ 'throttle.enforced': 'pass', 'throttle.limit-matches': 'pass', 'throttle.headers': 'pass' });
    const enforced = resultsOf(report, 'throttle.enforced')[0]!;
    expect(enforced.message).toMatch(/first 429 came at request 51 .*not probed, a tighter limit answers first: 1000 per 1 h \(x-rate-limits\[0\] of GET \/search\)/);
    expect(enforced.requests).toBe(51);
  });

  it('reports a configured throttle that names no operation as an error, once', async () => {
    const report = await runAgainst({
      spec: ACCOUNTS_SPEC,
      app: accountsExpress(),
      config: { throttles: [{ operation: 'GET /nope', rate: '1/s' }], exclude: OPERATIONS.filter((op) => op !== 'POST /auth/token') },
      selection: { suites: ['throttle'] },
    });
    const errored = report.results.filter((r) => r.outcome === 'error');
    expect(errored).toHaveLength(1);
    expect(errored[0]).toMatchObject({ check: 'throttle.enforced', operation: 'POST /auth/token' });
    expect(errored[0]!.message).toMatch(/throttles\[0\] names "GET \/nope", which matches no operation/);
  });
});
