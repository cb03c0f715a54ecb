import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { USERS } from '../fixtures/auth/data.js';
import { projectsFastify, type FastifyMode } from '../fixtures/frameworks/projects-fastify.js';
import { PROJECT_FIXTURES, projectsSpec } from '../fixtures/frameworks/projects.js';
import { resultsOf } from '../helpers/contract.js';
import { TEST_TIMEOUT_MS, describeFailures, oncePerMode, failedResults, runGate, startNode, type GateResult } from './harness.js';

/** The Projects API in Fastify 5 with @fastify/rate-limit 11 (test/fixtures/frameworks/projects-fastify.ts). */

/** The exact set of failing check ids per mode (each faulty mode's faults are listed in projects-fastify.ts). */
const VERDICTS: Record<FastifyMode, string[]> = {
  correct: [],
  paths: ['paths.content-type', 'paths.method-not-allowed'],
  auth: ['auth.invalid-credentials', 'auth.role-forbidden', 'auth.www-authenticate'],
  tenancy: ['tenancy.isolation', 'tenancy.no-enumeration'],
  throttle: ['throttle.enforced'],
  errors: ['errors.envelope', 'errors.request-id'],
};

/** API keys (the X-API-Key scheme of the document) of two tenants and two roles. */
const CONFIG: ConfigInput = {
  identities: {
    'acme-admin': { tenant: 'acme', role: 'admin', credentials: { apiKey: USERS['acme-admin']!.apiKey } },
    'acme-viewer': { tenant: 'acme', role: 'viewer', credentials: { apiKey: USERS['acme-viewer']!.apiKey } },
    'globex-admin': { tenant: 'globex', role: 'admin', credentials: { apiKey: USERS['globex-admin']!.apiKey } },
  },
  fixtures: PROJECT_FIXTURES,
  tenancy: { crossTenantWrites: true },
};

const verdict = oncePerMode(async (mode: FastifyMode): Promise<GateResult> => {
  const fastify = projectsFastify(mode);
  await fastify.ready();
  const app = await startNode(fastify.server);
  try {
    return await runGate({ baseUrl: app.baseUrl, spec: projectsSpec('fastify'), config: CONFIG });
  } finally {
    await app.stop();
    await fastify.close();
  }
});

const failed = failedResults;

describe.concurrent('Fastify 5 Projects API, every suite end to end', { timeout: TEST_TIMEOUT_MS }, () => {
  it.each(Object.keys(VERDICTS) as FastifyMode[])('%s mode fails exactly the intended checks', async (mode) => {
    const result = await verdict(mode);
    expect(result.failed, describeFailures(result.report)).toEqual(VERDICTS[mode]);
    expect(result.code).toBe(mode === 'correct' ? 0 : 1);
  });

  it('correct mode: problem+json inferred, API-key challenges accepted, every throttle check passes', async () => {
    const { report } = await verdict('correct');
    expect(resultsOf(report, 'errors.envelope').find((r) => r.outcome === 'pass')?.message).toContain('the problem+json format (inferred from');
    expect(resultsOf(report, 'auth.www-authenticate').every((r) => r.outcome === 'pass')).toBe(true);
    const throttle = report.results.filter((r) => r.check.startsWith('throttle.'));
    expect(throttle.map((r) => `${r.check} ${r.outcome}`)).toEqual(
      ['enforced', 'limit-matches', 'retry-after', 'headers', 'key-isolation', 'recovery'].map((id) => `throttle.${id} pass`),
    );
  });

  it("paths mode: Fastify's 404 for a method a path lacks is named", async () => {
    const result = await verdict('paths');
    expect(failed(result, 'paths.method-not-allowed')[0]!.message).toMatch(/answered 404; expected 405 with Allow: .* a 404 tells clients the path does not exist/);
  });

  it('auth mode: keys matched by prefix, role refusals as 401, no challenge', async () => {
    const result = await verdict('auth');
    expect(failed(result, 'auth.invalid-credentials')[0]!.message).toContain('an unknown API key of the same shape as a real one');
    expect(failed(result, 'auth.role-forbidden')[0]!.message).toContain('401 says the credentials are not valid, but acme-viewer is authenticated');
  });

  it('throttle mode: @fastify/rate-limit ban answers 403, named in the hint; the headers do not repeat the finding', async () => {
    const result = await verdict('throttle');
    const [enforced] = failed(result, 'throttle.enforced');
    expect(enforced!.message).toMatch(/never throttled: \d+ requests within 2 s answered 200×5, 403×\d+/);
    expect(enforced!.hint).toContain('@fastify/rate-limit answers 403 once `ban` is exceeded');
    expect(resultsOf(result.report, 'throttle.headers')[0]!.outcome).toBe('skip');
  });

  it("errors mode: Fastify's own JSON errors break problem+json, and Fastify 5 replaces the client's request id", async () => {
    const result = await verdict('errors');
    expect(failed(result, 'errors.envelope')[0]!.message).toContain('not application/problem+json');
    expect(failed(result, 'errors.request-id').every((r) => r.severity === 'warning')).toBe(true);
  });
});
