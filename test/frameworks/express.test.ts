import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { TokenAuthority } from '../fixtures/auth/data.js';
import { projectsExpress, type ExpressMode } from '../fixtures/frameworks/projects-express.js';
import { PROJECT_FIXTURES, projectsSpec } from '../fixtures/frameworks/projects.js';
import { resultsOf } from '../helpers/contract.js';
import { TEST_TIMEOUT_MS, describeFailures, oncePerMode, failedResults, runGate, startNode, type GateResult } from './harness.js';

/** The Projects API in Express 5 with express-rate-limit 8 (test/fixtures/frameworks/projects-express.ts). */

/** The exact set of failing check ids per mode (each faulty mode's faults are listed in projects-express.ts). */
const VERDICTS: Record<ExpressMode, string[]> = {
  correct: [],
  paths: ['paths.method-not-allowed', 'paths.response-schema', 'paths.status-documented'],
  auth: ['auth.invalid-credentials', 'auth.required', 'auth.role-forbidden', 'auth.www-authenticate'],
  tenancy: ['tenancy.isolation', 'tenancy.no-enumeration'],
  throttle: ['throttle.headers', 'throttle.recovery', 'throttle.retry-after'],
  errors: ['errors.no-stack-trace', 'errors.server-error'],
};

/** Bearer JWTs of two tenants and two roles, and an expired twin of the admin's. */
async function config(tokens: TokenAuthority): Promise<ConfigInput> {
  return {
    identities: {
      'acme-admin': { tenant: 'acme', role: 'admin', credentials: { bearer: await tokens.issue('acme-admin') }, expiredToken: await tokens.issue('acme-admin', -60) },
      'acme-viewer': { tenant: 'acme', role: 'viewer', credentials: { bearer: await tokens.issue('acme-viewer') } },
      'globex-admin': { tenant: 'globex', role: 'admin', credentials: { bearer: await tokens.issue('globex-admin') } },
    },
    fixtures: PROJECT_FIXTURES,
    tenancy: { crossTenantWrites: true },
  };
}

const verdict = oncePerMode(async (mode: ExpressMode): Promise<GateResult> => {
  const tokens = new TokenAuthority();
  const app = await startNode(createServer(projectsExpress(mode, tokens)));
  try {
    return await runGate({ baseUrl: app.baseUrl, spec: projectsSpec('express'), config: await config(tokens) });
  } finally {
    await app.stop();
  }
});

const failed = failedResults;

describe.concurrent('Express 5 Projects API, every suite end to end', { timeout: TEST_TIMEOUT_MS }, () => {
  it.each(Object.keys(VERDICTS) as ExpressMode[])('%s mode fails exactly the intended checks', async (mode) => {
    const result = await verdict(mode);
    expect(result.failed, describeFailures(result.report)).toEqual(VERDICTS[mode]);
    expect(result.code).toBe(mode === 'correct' ? 0 : 1);
  });

  it('correct mode: every throttle check passes with express-rate-limit draft-7 headers', async () => {
    const { report } = await verdict('correct');
    const throttle = report.results.filter((r) => r.check.startsWith('throttle.'));
    expect(throttle.map((r) => `${r.check} ${r.outcome}`)).toEqual(
      ['enforced', 'limit-matches', 'retry-after', 'headers', 'key-isolation', 'recovery'].map((id) => `throttle.${id} pass`),
    );
    expect(resultsOf(report, 'throttle.headers')[0]!.message).toContain('RateLimit (draft-07)');
  });

  it('auth mode: a redirect to a login page, an expired token accepted, 401s without a challenge', async () => {
    const result = await verdict('auth');
    expect(failed(result, 'auth.required')[0]!.message).toContain('a redirect to /login; expected 401 Unauthorized');
    const expired = failed(result, 'auth.invalid-credentials');
    expect(expired.every((r) => r.severity === 'critical' && r.message.includes('an expired token is accepted'))).toBe(true);
    expect(failed(result, 'auth.www-authenticate')[0]!.message).toContain('carry no WWW-Authenticate');
  });

  it('tenancy mode: a 404 whose body differs for other tenants is enumeration, not isolation', async () => {
    const result = await verdict('tenancy');
    expect(failed(result, 'tenancy.no-enumeration').map((r) => r.operation).sort()).toEqual([
      'GET /projects/{project_id}',
      'GET /projects/{project_id}',
      'PATCH /projects/{project_id}',
      'PATCH /projects/{project_id}',
    ]);
    expect(failed(result, 'tenancy.isolation').every((r) => r.operation === 'GET /projects/{project_id}/tasks' && r.severity === 'critical')).toBe(true);
  });

  it('throttle mode: a 60 s window documented as 2 s is named by Retry-After, the policy header and recovery', async () => {
    const result = await verdict('throttle');
    expect(failed(result, 'throttle.retry-after')[0]!.message).toContain('longer than the 2 s window');
    expect(failed(result, 'throttle.headers')[0]!.message).toContain('announces a 60 s window, but the document says 2 s');
    expect(failed(result, 'throttle.recovery')[0]!.message).toContain('still 429 after waiting 2 s');
  });

  it("errors mode: Express's default error page is a leak, the 500 in the envelope a server error", async () => {
    const result = await verdict('errors');
    expect(failed(result, 'errors.no-stack-trace')[0]!.message).toContain("Express's default error page with a Node.js stack trace");
    expect(failed(result, 'errors.server-error').map((r) => r.operation)).toEqual(['GET /projects/{project_id}/tasks']);
  });
});
