import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { resultsOf } from '../helpers/contract.js';
import { describeFailures, oncePerMode, failedResults, describeWithPython, pythonModules, runGate, startPython, type GateResult } from './harness.js';

/**
 * The DRF analytics API (test/fixtures/python/drf_analytics/app.py): Django REST Framework 3.14 and simplejwt 5.2
 * from Debian, Django's threaded WSGI server, the hand-written OpenAPI 3.0 document next to it.
 */
const PACKAGES = ['python3-djangorestframework', 'python3-djangorestframework-simplejwt'];
const python = pythonModules(['django', 'rest_framework', 'rest_framework_simplejwt'], PACKAGES);
const SPEC = fileURLToPath(new URL('../fixtures/python/drf_analytics/openapi.json', import.meta.url));

type Mode = 'correct' | 'paths' | 'auth' | 'tenancy' | 'throttle' | 'errors';

/** The exact set of failing check ids per mode (each faulty mode's faults are listed in app.py). */
const VERDICTS: Record<Mode, string[]> = {
  correct: [],
  paths: ['paths.method-not-allowed', 'paths.resolves', 'paths.response-schema', 'paths.status-documented'],
  auth: ['auth.invalid-credentials', 'auth.public-open', 'auth.required', 'auth.role-forbidden', 'auth.www-authenticate', 'errors.envelope'],
  tenancy: ['tenancy.isolation', 'tenancy.no-enumeration'],
  throttle: ['throttle.enforced'],
  errors: ['errors.bad-input', 'errors.no-stack-trace', 'errors.request-id'],
};

/** The app's users (app.py, USERS). */
const PASSWORDS: Record<string, string> = {
  'acme-admin': 'Vq7-tide-41-lantern',
  'acme-viewer': 'Rm2-fern-88-quartz',
  'globex-admin': 'Hx5-dune-07-copper',
};

/** Each identity logs in through simplejwt and renews its access token through the refresh view. */
function login(username: string) {
  return {
    operation: 'POST /auth/token/',
    body: { username, password: PASSWORDS[username] },
    token: '/access',
    refreshToken: '/refresh',
    refresh: { operation: 'POST /auth/token/refresh/' },
  };
}

/** How a team points specgate at this API; the expired token is one the app minted at startup. */
function config(expiredToken: string): ConfigInput {
  return {
    identities: {
      'acme-admin': { tenant: 'acme', role: 'admin', login: login('acme-admin'), expiredToken },
      'acme-viewer': { tenant: 'acme', role: 'viewer', login: login('acme-viewer') },
      'globex-admin': { tenant: 'globex', role: 'admin', login: login('globex-admin') },
    },
    fixtures: { acme: { report_id: 1 }, globex: { report_id: 3 } },
    // DRF's own codes for 401: NotAuthenticated and AuthenticationFailed (simplejwt's InvalidToken is one).
    errors: { codes: { '401': ['not_authenticated', 'authentication_failed'] } },
    tenancy: { crossTenantWrites: true },
  };
}

interface DrfRun extends GateResult {
  /** The app's log of token endpoint answers: `token: POST /api/v1/auth/token/refresh/ 200`. */
  tokenLog: string[];
}

/** Access tokens live 12 s, so the identities renew them through the refresh view during the run. */
const verdict = oncePerMode(async (mode: Mode): Promise<DrfRun> => {
  const app = await startPython('drf_analytics/app.py', { ANALYTICS_MODE: mode, ANALYTICS_ACCESS_SECONDS: '12' }, '/api/v1/health/');
  try {
    const result = await runGate({ baseUrl: app.baseUrl, spec: SPEC, config: config(String(app.info.expiredToken)) });
    return { ...result, tokenLog: app.log().split('\n').filter((line) => line.startsWith('token: ')) };
  } finally {
    await app.stop();
  }
});

const failed = failedResults;

describeWithPython('DRF analytics API', python, 'DRF analytics API (DRF 3.14, simplejwt 5.2), every suite end to end', () => {
  it.each(Object.keys(VERDICTS) as Mode[])('%s mode fails exactly the intended checks', async (mode) => {
    const result = await verdict(mode);
    expect(result.failed, describeFailures(result.report)).toEqual(VERDICTS[mode]);
    expect(result.code).toBe(mode === 'correct' ? 0 : 1);
  });

  it('correct mode: logs in, refreshes, and proves every family rather than skipping it', async () => {
    const result = await verdict('correct');
    expect(result.tokenLog).toContain('token: POST /api/v1/auth/token/ 200');
    expect(result.tokenLog).toContain('token: POST /api/v1/auth/token/refresh/ 200');
    const passed = new Set(result.report.results.filter((r) => r.outcome === 'pass').map((r) => r.check));
    for (const check of ['paths.resolves', 'paths.response-schema', 'paths.method-not-allowed', 'auth.required', 'auth.invalid-credentials', 'auth.www-authenticate', 'auth.public-open', 'auth.role-forbidden', 'tenancy.isolation', 'tenancy.no-enumeration', 'errors.envelope', 'errors.request-id', 'errors.bad-input']) {
      expect(passed, check).toContain(check);
    }
    // The expired simplejwt token and the forged ones are refused with 401 and error="invalid_token".
    const invalid = resultsOf(result.report, 'auth.invalid-credentials').find((r) => r.operation === 'GET /reports/')!;
    expect(invalid.message).toMatch(/the expired token from identities\.acme-admin\.expiredToken/);
    // Both ScopedRateThrottle scopes hold, and DRF's "Expected available in N seconds" agrees with Retry-After.
    for (const operation of ['POST /auth/token/', 'POST /reports/{report_id}/exports/']) {
      const enforced = resultsOf(result.report, 'throttle.enforced').find((r) => r.operation === operation)!;
      expect(enforced.outcome, enforced.message).toBe('pass');
      const retryAfter = resultsOf(result.report, 'throttle.retry-after').find((r) => r.operation === operation)!;
      expect(retryAfter.outcome, retryAfter.message).toBe('pass');
    }
    expect(resultsOf(result.report, 'throttle.key-isolation').find((r) => r.operation === 'POST /reports/{report_id}/exports/')!.outcome).toBe('pass');
    expect(resultsOf(result.report, 'errors.envelope').find((r) => r.outcome === 'pass')?.message).toContain('the envelope format (inferred from');
  });

  it('auth mode: SessionAuthentication first is named as the cause of the 403, and the bare simplejwt challenge is a warning', async () => {
    const result = await verdict('auth');
    const required = failed(result, 'auth.required');
    expect(required.map((r) => r.operation)).toEqual(['GET /usage/']);
    expect(required[0]!.message).toContain('GET /api/v1/usage/ without credentials answered 403');
    expect(required[0]!.message).toContain('Django REST Framework answers 401 only when the first authentication class provides authenticate_header');
    expect(required[0]!.hint).toContain('DEFAULT_AUTHENTICATION_CLASSES');
    const challenge = failed(result, 'auth.www-authenticate');
    expect(challenge.length).toBeGreaterThan(0);
    expect(challenge.every((r) => r.severity === 'warning' && r.message.includes('without error="invalid_token"'))).toBe(true);
    expect(failed(result, 'auth.public-open').map((r) => r.operation)).toEqual(['GET /health/']);
    // DRF turned NotAuthenticated into a 403 while the envelope still says not_authenticated.
    expect(failed(result, 'errors.envelope').map((r) => r.operation)).toEqual(['GET /usage/']);
  });

  it('paths mode: the undocumented PUT, the route mounted without /v1 (with where it answers) and the missing field', async () => {
    const result = await verdict('paths');
    expect(failed(result, 'paths.method-not-allowed')[0]!.message).toContain('PUT /api/v1/reports/1/ answered 400; expected 405 with Allow: GET, PATCH');
    const resolves = failed(result, 'paths.resolves');
    expect(resolves.map((r) => r.operation)).toEqual(['GET /usage/']);
    expect(resolves[0]!.hint).toContain('the route answers at /api/usage/');
    expect(failed(result, 'paths.response-schema')[0]!.message).toContain("must have required property 'created_at'");
  });

  it('throttle mode: DummyCache silently disables both scopes, the login brute-force limit included', async () => {
    const result = await verdict('throttle');
    expect(failed(result, 'throttle.enforced').map((r) => r.operation).sort()).toEqual(['POST /auth/token/', 'POST /reports/{report_id}/exports/']);
    const login = failed(result, 'throttle.enforced').find((r) => r.operation === 'POST /auth/token/')!;
    expect(login.message).toMatch(/never throttled: \d+ requests within 1 s answered 401×\d+; the limit is 10 per 1 s/);
  });

  it("errors mode: Django's DEBUG pages are leaks, the crash on a missing field is bad input, replaced ids are warnings", async () => {
    const result = await verdict('errors');
    expect(failed(result, 'errors.no-stack-trace').map((r) => r.message).join('\n')).toContain('the Django debug page (DEBUG = True)');
    expect(failed(result, 'errors.bad-input')[0]!.message).toContain('a body without the required "format" → 500');
    expect(failed(result, 'errors.request-id').every((r) => r.severity === 'warning')).toBe(true);
  });
});
