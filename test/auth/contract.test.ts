import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { TokenAuthority } from '../fixtures/auth/data.js';
import { API_KEY_SPEC, apiKeyConfig, BEARER_SPEC, bearerConfig } from '../fixtures/auth/config.js';
import { modelsExpress, type ModelsFault } from '../fixtures/auth/models-express.js';
import { modelsFastify } from '../fixtures/auth/models-fastify.js';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';

const SUITES = { suites: ['auth', 'tenancy'] };

async function runExpress(fault: ModelsFault, allowDestructive = true): Promise<Report> {
  const tokens = new TokenAuthority();
  return runAgainst({ spec: BEARER_SPEC, app: modelsExpress(fault, tokens), config: await bearerConfig(tokens), selection: SUITES, allowDestructive });
}

describe('auth and tenancy suites on correct APIs', () => {
  it('pass every check on the Express bearer API, destructive methods allowed', async () => {
    const report = await runExpress('correct');
    expect(failedChecks(report)).toEqual([]);
    const passed = new Set(report.results.filter((r) => r.outcome === 'pass').map((r) => r.check));
    expect([...passed].sort()).toEqual(['auth.invalid-credentials', 'auth.public-open', 'auth.required', 'auth.role-forbidden', 'auth.www-authenticate', 'tenancy.isolation', 'tenancy.no-enumeration']);
  });

  it('skip non-safe methods with the flag that enables them, never pass them silently', async () => {
    const report = await runExpress('correct', false);
    expect(failedChecks(report)).toEqual([]);
    const post = report.results.filter((r) => r.operation === 'POST /models');
    expect(post.map((r) => [r.check, r.outcome, r.enableWith])).toEqual(
      expect.arrayContaining([
        ['auth.required', 'skip', '--allow-destructive (or safety.safeOperations)'],
        ['auth.role-forbidden', 'skip', '--allow-destructive (or safety.safeOperations)'],
      ]),
    );
  });

  it('pass every check on the Fastify API-key API', async () => {
    const report = await runAgainst({ spec: API_KEY_SPEC, app: modelsFastify(), config: apiKeyConfig(), selection: SUITES, allowDestructive: true });
    expect(failedChecks(report)).toEqual([]);
    expect(resultsOf(report, 'auth.invalid-credentials').filter((r) => r.outcome === 'pass')).toHaveLength(4);
  });

  it('skip with the config key when no identities are configured', async () => {
    const report = await runAgainst({ spec: BEARER_SPEC, app: modelsExpress(), selection: SUITES });
    expect(failedChecks(report)).toEqual([]);
    const isolation = resultsOf(report, 'tenancy.isolation').find((r) => r.operation === 'GET /models/{model_id}');
    expect(isolation).toMatchObject({ outcome: 'skip', enableWith: 'identities.<name>.tenant' });
    expect(resultsOf(report, 'auth.required').find((r) => r.operation === 'GET /models')).toMatchObject({ outcome: 'pass' });
  });
});

describe('each auth fault fails exactly its check', () => {
  const cases: [ModelsFault, string][] = [
    ['auth-ignored', 'auth.required'],
    ['not-found-unauthenticated', 'auth.required'],
    ['no-www-authenticate', 'auth.www-authenticate'],
    ['expired-accepted', 'auth.invalid-credentials'],
    ['alg-none-accepted', 'auth.invalid-credentials'],
    ['malformed-500', 'auth.invalid-credentials'],
    ['viewer-can-write', 'auth.role-forbidden'],
    ['health-needs-auth', 'auth.public-open'],
  ];
  it.each(cases)('%s fails %s', async (fault, check) => {
    const report = await runExpress(fault);
    expect(failedChecks(report)).toEqual([check]);
  });
});

describe('finding messages say what was sent, what came back, what was expected and why', () => {
  it('names the route, the status and OWASP API2 when auth is ignored, as critical', async () => {
    const [finding] = resultsOf(await runExpress('auth-ignored'), 'auth.required').filter((r) => r.outcome === 'fail');
    expect(finding).toMatchObject({ operation: 'GET /models', severity: 'critical' });
    expect(finding!.message).toMatch(/^GET \/api\/models without credentials answered 200; expected 401 Unauthorized — .*OWASP API2:2023/);
  });

  it('explains a 404 before authentication with the valid answer it was compared with', async () => {
    const failed = resultsOf(await runExpress('not-found-unauthenticated'), 'auth.required').filter((r) => r.outcome === 'fail');
    expect(failed.map((r) => r.operation).sort()).toEqual(['DELETE /models/{model_id}', 'GET /models', 'GET /models/{model_id}', 'POST /models']);
    expect(failed.find((r) => r.operation === 'GET /models')!.message).toContain('with valid credentials it answers 200: routing or the resource lookup runs before authentication');
  });

  it('recognises Django REST Framework behind a 403 and says how to get 401', async () => {
    const report = await runExpress('drf-403');
    expect(failedChecks(report)).toEqual(['auth.required']);
    const finding = resultsOf(report, 'auth.required').find((r) => r.outcome === 'fail')!;
    expect(finding.message).toContain('answered 403 ("Authentication credentials were not provided.")');
    expect(finding.message).toContain('Django REST Framework answers 401 only when the first authentication class provides authenticate_header');
    expect(finding.hint).toContain('DEFAULT_AUTHENTICATION_CLASSES');
  });

  it('names the alg:none JWT, redacts it, and rates the acceptance critical', async () => {
    const failed = resultsOf(await runExpress('alg-none-accepted'), 'auth.invalid-credentials').filter((r) => r.outcome === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const finding of failed) {
      expect(finding.message).toMatch(/with an unsigned JWT \(alg: none\) in Authorization answered 20[014]; expected 401 Unauthorized — unsigned tokens are accepted/);
      expect(finding.severity).toBe('critical');
      expect(finding.evidence!.request.headers.authorization).toBe('Bearer ***');
      expect(JSON.stringify(finding)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    }
  });

  it('reports the 500 on a malformed token as a finding, not a crash of the check', async () => {
    const failed = resultsOf(await runExpress('malformed-500'), 'auth.invalid-credentials').filter((r) => r.outcome === 'fail');
    expect(failed.every((r) => r.message.includes('with a malformed token in Authorization answered 500'))).toBe(true);
  });

  it('lists the 401s without a challenge and cites the MUST', async () => {
    const finding = resultsOf(await runExpress('no-www-authenticate'), 'auth.www-authenticate').find((r) => r.operation === 'GET /models')!;
    expect(finding.message).toMatch(/^8 of 8 401 answers \(GET \/api\/models without credentials; .*\) carry no WWW-Authenticate; RFC 9110 §15.5.2: a 401 MUST/);
    expect(finding.hint).toContain('Bearer realm="api"');
  });

  it.each([
    ['challenge-without-error', 'answer a refused token with WWW-Authenticate: Bearer realm="models", without error="invalid_token"; RFC 6750 §3'],
    ['error-without-token', 'name an error code (WWW-Authenticate: Bearer realm="models", error="invalid_token") although no Bearer token was sent; RFC 6750 §3.1'],
  ] as const)('rates the RFC 6750 error-code SHOULD of %s a warning', async (fault, says) => {
    const report = await runExpress(fault);
    expect(failedChecks(report)).toEqual(['auth.www-authenticate']);
    const failed = resultsOf(report, 'auth.www-authenticate').filter((r) => r.outcome === 'fail');
    expect(failed.every((r) => r.severity === 'warning' && r.message.includes(says))).toBe(true);
  });

  it('names the identity and its role when a viewer can write', async () => {
    const finding = resultsOf(await runExpress('viewer-can-write'), 'auth.role-forbidden').find((r) => r.outcome === 'fail')!;
    expect(finding).toMatchObject({ operation: 'POST /models', identity: 'acme-viewer', severity: 'critical' });
    expect(finding.message).toContain('POST /api/models as acme-viewer (role viewer) answered 201; expected 403 Forbidden — only admin may call POST /models (x-roles in the document)');
  });
});
