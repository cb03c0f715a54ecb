import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Report } from '../../src/report/model.js';
import { TokenAuthority } from '../fixtures/auth/data.js';
import { BEARER_SPEC, bearerConfig } from '../fixtures/auth/config.js';
import { modelsExpress, type ModelsFault } from '../fixtures/auth/models-express.js';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';

async function run(fault: ModelsFault, adjust: (config: ConfigInput) => ConfigInput = (c) => c, allowDestructive = false): Promise<Report> {
  const tokens = new TokenAuthority();
  const config = adjust(await bearerConfig(tokens));
  return runAgainst({ spec: BEARER_SPEC, app: modelsExpress(fault, tokens), config, selection: { suites: ['auth', 'tenancy'] }, allowDestructive });
}

const failedOn = (report: Report, check: string) => resultsOf(report, check).filter((r) => r.outcome === 'fail');

describe('each tenancy fault fails exactly its check', () => {
  it.each([
    ['cross-tenant-403', 'tenancy.isolation'],
    ['cross-tenant-200', 'tenancy.isolation'],
    ['enumeration-oracle', 'tenancy.no-enumeration'],
  ] as const)('%s fails %s', async (fault, check) => {
    expect(failedChecks(await run(fault))).toEqual([check]);
  });
});

describe('tenancy findings', () => {
  it('a cross-tenant 200 is critical and names both tenants, both requests and OWASP API1', async () => {
    const failed = failedOn(await run('cross-tenant-200'), 'tenancy.isolation');
    expect(failed.map((r) => r.identity).sort()).toEqual(['acme-admin', 'globex-admin']);
    const finding = failed.find((r) => r.identity === 'globex-admin')!;
    expect(finding.severity).toBe('critical');
    expect(finding.message).toContain("as globex-admin (tenant globex), GET /api/models/m-acme-1 — tenant acme's model_id");
    expect(finding.message).toContain('answered 200; a nonexistent model_id (GET /api/models/m-acme-999999) answered 404');
    expect(finding.message).toContain('OWASP API1:2023 Broken Object Level Authorization');
  });

  it('a cross-tenant 403 confirms existence: RFC 9110 §15.5.4 lets 404 hide it', async () => {
    const [finding] = failedOn(await run('cross-tenant-403'), 'tenancy.isolation');
    expect(finding!.severity).toBe('error');
    expect(finding!.message).toMatch(/answered 403; a nonexistent model_id .* answered 404; expected 404, the same as for a nonexistent id — 403 confirms .*RFC 9110 §15.5.4/);
    expect(finding!.hint).toContain('scope the lookup');
  });

  it('an existing id answering 401 and a missing one 404 without credentials is an enumeration oracle', async () => {
    const [finding] = failedOn(await run('enumeration-oracle'), 'tenancy.no-enumeration');
    expect(finding!.identity).toBeUndefined();
    expect(finding!.message).toMatch(/^without credentials, GET \/api\/models\/m-acme-1 \(an existing model_id, its owner reads it .*\) answered 401 and GET \/api\/models\/m-acme-999999 \(a nonexistent one\) answered 404; expected the same answer/);
  });

  it('skips a stale fixture instead of passing it', async () => {
    const report = await run('cross-tenant-200', (config) => ({ ...config, fixtures: { acme: { model_id: 'm-acme-404' }, globex: { model_id: 'm-globex-1' } } }));
    const skipped = resultsOf(report, 'tenancy.isolation').find((r) => r.identity === 'globex-admin')!;
    expect(skipped).toMatchObject({ outcome: 'skip', enableWith: 'fixtures.acme.model_id' });
    expect(skipped.message).toContain('as its owner answered 404');
  });

  it('uses configured nonexistent ids, and skips when the made-up one is refused as invalid', async () => {
    const report = await run('correct', (config) => ({ ...config, tenancy: { nonexistent: { model_id: 'not an id' } } }));
    expect(failedChecks(report)).toEqual([]);
    const isolation = resultsOf(report, 'tenancy.isolation').filter((r) => r.operation === 'GET /models/{model_id}');
    expect(isolation.map((r) => [r.outcome, r.enableWith])).toEqual([
      ['skip', 'tenancy.nonexistent.model_id'],
      ['skip', 'tenancy.nonexistent.model_id'],
    ]);
    expect(isolation[0]!.message).toContain('the made-up model_id (GET /api/models/not%20an%20id) was refused as invalid (422)');
  });

  it('sends cross-tenant writes only with --allow-destructive and tenancy.crossTenantWrites', async () => {
    const gated = await run('correct', (c) => c, true);
    expect(resultsOf(gated, 'tenancy.isolation').find((r) => r.operation === 'DELETE /models/{model_id}')).toMatchObject({ outcome: 'skip', enableWith: 'tenancy.crossTenantWrites (with --allow-destructive)' });
    const opted = await run('correct', (config) => ({ ...config, tenancy: { crossTenantWrites: true } }), true);
    expect(failedChecks(opted)).toEqual([]);
    expect(resultsOf(opted, 'tenancy.isolation').filter((r) => r.operation === 'DELETE /models/{model_id}').map((r) => r.outcome)).toEqual(['pass', 'pass']);
  });

  it('checks enumeration without credentials on a single-tenant API from default fixtures', async () => {
    const single = (config: ConfigInput): ConfigInput => ({ identities: { admin: { ...config.identities!['acme-admin']!, tenant: undefined } }, fixtures: { default: { model_id: 'm-acme-1' } } });
    const oracle = await run('enumeration-oracle', single);
    expect(failedChecks(oracle)).toEqual(['tenancy.no-enumeration']);
    const correct = await run('correct', single);
    expect(failedChecks(correct)).toEqual([]);
    expect(resultsOf(correct, 'tenancy.isolation').find((r) => r.operation === 'GET /models/{model_id}')).toMatchObject({ outcome: 'skip', enableWith: 'identities.<name>.tenant' });
  });
});
