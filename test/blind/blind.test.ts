import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_FAULTS, atlasApp, type AtlasFault } from '../fixtures/blind/atlas/app.js';
import { atlasConfig } from '../fixtures/blind/atlas/config.js';
import { LEDGER_FAULTS, ledgerApp, type LedgerFault } from '../fixtures/blind/ledger/app.js';
import { ledgerConfig } from '../fixtures/blind/ledger/config.js';
import { listen } from '../http/servers.js';
import { allGates, describeFailures, failedIds, failing, gate, type GateRun, type Started } from './harness.js';

// Both APIs' gates run from one file so their waits (throttle windows, back-offs) overlap: each gate is
// `specgate run` with every suite against its own server. The correct APIs go through the real CLI process
// (exit code included), the faults through the same `run` command in this process (no process start-up each).
const CONCURRENCY = 12;

/**
 * Blind evaluation, API A: a Fastify 5 service with a hand-written OpenAPI 3.0.3 YAML document whose server
 * URL is `https://api.example.com/v2`, given to specgate as `http://127.0.0.1:PORT/v2`. Bearer or cookie
 * authentication (an API key in the query on the audit log), UUID ids, nested resources, Link pagination,
 * 201 + Location, 204, problem+json errors, @fastify/rate-limit on one route, HEAD routes, 406, charsets.
 *
 * Each fault must fail exactly the checks listed (warnings count as failures here); the correct API must
 * fail none — not even a warning.
 */
const ATLAS_EXPECTED: Record<(typeof ATLAS_FAULTS)[number], string[]> = {
  'task-priority-as-string': ['paths.response-schema'],
  'list-as-text-plain': ['paths.content-type'],
  'allow-omits-patch': ['paths.method-not-allowed'],
  'docs-catch-all': ['paths.unknown-path'],
  'create-without-location': ['paths.response-schema'],
  'api-key-format-only': ['auth.invalid-credentials'],
  'basic-challenge': ['auth.www-authenticate'],
  'members-read-audit': ['auth.role-forbidden'],
  'health-behind-auth': ['auth.public-open'],
  'expired-token-accepted': ['auth.invalid-credentials'],
  'task-membership-403': ['tenancy.isolation'],
  'project-lookup-unscoped': ['tenancy.isolation'],
  'project-lookup-before-auth': ['tenancy.no-enumeration'],
  'retry-after-ms': ['throttle.retry-after'],
  'remaining-frozen': ['throttle.headers'],
  'shared-bucket': ['throttle.key-isolation'],
  'limit-eight': ['throttle.limit-matches'],
  'lockout-outlasts-retry-after': ['throttle.recovery'],
  'not-found-plain-json': ['errors.envelope'],
  // The crash is bad input's finding, the trace in its body the leak's: two faults in one response.
  'task-id-crash-with-stack': ['errors.bad-input', 'errors.no-stack-trace'],
  'limit-query-crash': ['errors.bad-input'],
  'request-id-after-auth': ['errors.request-id'],
};

/**
 * Blind evaluation, API B: Express 5 behaving like Django REST Framework, with an OpenAPI 3.1 JSON document in
 * drf-spectacular's style — trailing slashes, errors documented only as `default`, x-roles, integer ids with
 * minimum, style/explode query arrays, a JWT login (jose) with refresh, express-rate-limit 8 with draft-8
 * headers on the login, an `{"error": {…}}` envelope, tenant isolation by 404, X-Request-Id, and a search
 * POST marked safe in the config.
 *
 * Each fault must fail exactly the checks listed (warnings count as failures here); the correct API must
 * fail none — not even a warning.
 */
const LEDGER_EXPECTED: Record<(typeof LEDGER_FAULTS)[number], string[]> = {
  'search-answers-201': ['paths.status-documented'],
  'bins-mount-typo': ['paths.resolves'],
  'item-id-as-string': ['paths.response-schema'],
  'allow-omits-delete': ['paths.method-not-allowed'],
  'expired-jwt-accepted': ['auth.invalid-credentials'],
  'jwt-decoded-not-verified': ['auth.invalid-credentials'],
  'token-challenge': ['auth.www-authenticate'],
  'viewer-gets-401': ['auth.role-forbidden'],
  'put-ignores-tenant': ['tenancy.isolation'],
  'not-found-names-owner': ['tenancy.no-enumeration'],
  'login-unthrottled': ['throttle.enforced'],
  'no-retry-after': ['throttle.retry-after'],
  'limit-two': ['throttle.limit-matches'],
  'policy-window-wrong': ['throttle.headers'],
  'page-size-crash': ['errors.bad-input'],
  'detail-404': ['errors.envelope'],
  'request-id-after-auth': ['errors.request-id'],
};


async function startAtlas(fault: AtlasFault): Promise<Started> {
  const app = atlasApp(fault);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
}

const runs = new Map<string, GateRun | Error>();
beforeAll(async () => {
  // Every in-process run listens for SIGINT and SIGTERM, as the CLI does.
  process.setMaxListeners(CONCURRENCY + 10);
  const gates: Record<string, () => Promise<GateRun>> = {};
  for (const fault of ['correct', ...ATLAS_FAULTS] as AtlasFault[]) {
    gates[`atlas ${fault}`] = () => gate(atlasConfig(), () => startAtlas(fault), { basePath: '/v2', via: fault === 'correct' ? 'process' : 'command' });
  }
  for (const fault of ['correct', ...LEDGER_FAULTS] as LedgerFault[]) {
    gates[`ledger ${fault}`] = () => gate(ledgerConfig(), () => listen(ledgerApp(fault)), { via: fault === 'correct' ? 'process' : 'command' });
  }
  gates['ledger safe-only'] = () => gate(ledgerConfig(), () => listen(ledgerApp('correct')), { via: 'command', allowDestructive: false });
  for (const [key, result] of Object.entries(await allGates(gates, CONCURRENCY))) runs.set(key, result);
}, 150_000);

function runOf(key: string): GateRun {
  const result = runs.get(key);
  if (result instanceof Error) throw result;
  if (!result) throw new Error(`no run for ${key}`);
  return result;
}
const atlas = (fault: AtlasFault) => runOf(`atlas ${fault}`);
const ledger = (fault: LedgerFault) => runOf(`ledger ${fault}`);

describe('blind API A: Atlas (Fastify 5, OpenAPI 3.0.3 YAML)', () => {
  it('passes the correct API through the real CLI process: exit 0, no failure, no warning', () => {
    const { code, report } = atlas('correct');
    expect(describeFailures(report)).toBe('');
    expect(code).toBe(0);
    expect(report.summary.passed).toBeGreaterThan(150);
  });

  it.each(ATLAS_FAULTS)('%s fails exactly its checks', (fault) => {
    const { report } = atlas(fault);
    expect(failedIds(report), describeFailures(report)).toEqual(ATLAS_EXPECTED[fault]);
  });

  it('reaches the routes once when the base URL already ends with the server path, and reports the real URLs', () => {
    expect(atlas('correct').report.results.find((r) => r.check === 'paths.resolves' && r.operation === 'GET /orgs/{org_id}')!.outcome).toBe('pass');
    const [finding] = failing(atlas('list-as-text-plain').report);
    expect(finding!.evidence?.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\/orgs\/[0-9a-f-]{36}\/projects$/);
    expect(finding!.message).toBe('200 came back as text/plain; the document lists application/json (RFC 9110 §8.3)');
  });

  it('does not judge a role by an identity whose only credential the operation does not take', () => {
    const skipped = atlas('correct').report.results.find((r) => r.check === 'auth.role-forbidden' && r.identity === 'acme-member')!;
    expect(skipped).toMatchObject({ outcome: 'skip', operation: 'GET /orgs/{org_id}/audit-events' });
    expect(skipped.message).toContain('holds no credentials GET /orgs/{org_id}/audit-events accepts (apiKeyQuery or bearerAuth)');
  });

  it('names a registered challenge the operation does not take, even where an API key is an alternative', () => {
    const finding = failing(atlas('basic-challenge').report).find((r) => r.operation === 'GET /orgs/{org_id}/audit-events')!;
    expect(finding.message).toContain('WWW-Authenticate: Basic realm="atlas", charset="UTF-8", which has no challenge for Bearer or its API key');
  });

  it("asks for another tenant's project under the caller's own organisation", () => {
    const findings = failing(atlas('project-lookup-unscoped').report);
    expect(findings.map((r) => [r.operation, r.identity, r.severity])).toEqual(
      expect.arrayContaining([
        ['GET /orgs/{org_id}/projects/{project_id}', 'globex-owner', 'critical'],
        ['GET /orgs/{org_id}/projects/{project_id}', 'acme-owner', 'critical'],
      ]),
    );
    expect(findings[0]!.message).toMatch(/tenant \w+'s project_id under tenant \w+'s own org_id, its owner reads it .* answered 200; a nonexistent project_id .* answered 404/);
    expect(findings[0]!.hint).toContain('look project_id up within the org_id of the URL');
  });

  it('probes every typed path parameter and the query parameters of a GET', () => {
    const [task] = failing(atlas('task-id-crash-with-stack').report).filter((r) => r.check === 'errors.bad-input');
    expect(task!.message).toContain('path parameter task_id = "specgate-not-a-uuid" → 500');
    expect(task!.message).toContain('path parameter org_id = "specgate-not-a-uuid" → 400');
    const [list] = failing(atlas('limit-query-crash').report);
    expect(list!.message).toContain('query parameter limit = "specgate-not-a-number" → 500');
  });

  it('does not count earlier traffic from a remaining header that never goes down', () => {
    const { report } = atlas('remaining-frozen');
    expect(report.results.find((r) => r.check === 'throttle.limit-matches')!.outcome).toBe('pass');
    expect(failing(report)[0]).toMatchObject({ check: 'throttle.headers', severity: 'error' });
  });
});

describe('blind API B: Ledger (Express 5, OpenAPI 3.1 JSON)', () => {
  it('passes the correct API through the real CLI process: exit 0, no failure, no warning', () => {
    const { code, report } = ledger('correct');
    expect(describeFailures(report)).toBe('');
    expect(code).toBe(0);
    expect(report.summary.passed).toBeGreaterThan(150);
  });

  it.each(LEDGER_FAULTS)('%s fails exactly its checks', (fault) => {
    const { report } = ledger(fault);
    expect(failedIds(report), describeFailures(report)).toEqual(LEDGER_EXPECTED[fault]);
  });

  it('treats an unlisted 2xx as undocumented although default exists, and leaves its body to that finding', () => {
    const { report } = ledger('search-answers-201');
    expect(failing(report)[0]!.message).toBe('POST /api/items/search/ answered 201, which the document does not list (documented: 200, default)');
    expect(report.results.find((r) => r.check === 'paths.response-schema' && r.operation === 'POST /api/items/search/')!.outcome).toBe('skip');
  });

  it("accepts DRF's 404 for a page that is not a number, and probes a login whose sampled password is wrong", () => {
    const { report } = ledger('correct');
    const list = report.results.find((r) => r.check === 'errors.bad-input' && r.operation === 'GET /api/items/')!;
    expect(list.message).toContain('query parameter page = "specgate-not-a-number" → 404');
    expect(list.message).toContain('query parameter page_size = "specgate-not-a-number" → 200 (ignored)');
    const login = report.results.find((r) => r.check === 'errors.bad-input' && r.operation === 'POST /api/auth/login/')!;
    expect(login.outcome).toBe('pass');
    expect(login.message).toContain('a malformed JSON body → 400');
  });

  it('does not blame authentication for a 404 after the valid DELETE removed the resource', () => {
    const deletes = ledger('expired-jwt-accepted').report.results.filter((r) => r.check === 'auth.invalid-credentials' && r.operation === 'DELETE /api/items/{id}/');
    expect(deletes.every((r) => r.outcome !== 'fail' || r.message.includes('answered 204;') || r.severity === 'critical')).toBe(true);
  });

  it('without --allow-destructive, still calls the search POST the config marks safe, and finds nothing', () => {
    const { code, report } = runOf('ledger safe-only');
    expect(describeFailures(report)).toBe('');
    expect(code).toBe(0);
    const search = report.results.filter((r) => r.operation === 'POST /api/items/search/' && r.check.startsWith('paths.'));
    expect(search.map((r) => r.outcome)).not.toContain('skip');
    expect(report.results.find((r) => r.check === 'paths.resolves' && r.operation === 'PUT /api/items/{id}/')).toMatchObject({ outcome: 'skip', enableWith: '--allow-destructive (or safety.safeOperations)' });
  });

  it('catches an unthrottled login although every answer is a 401 for the sampled password', () => {
    const [finding] = failing(ledger('login-unthrottled').report);
    expect(finding!.message).toMatch(/^never throttled: \d+ requests within 2 s answered 401×\d+; the limit is 3 per 2 s/);
  });
});
