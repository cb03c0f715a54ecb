import { isPublic, type Operation } from '../../spec/model.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { target } from '../common/describe.js';
import { fail, pass, skip, type Finding } from '../result.js';
import { crossTenantPair } from './pairs.js';
import { pathParams, tenancyPlans, type TenancyPlan } from './plans.js';
import { bodyShape } from './shape.js';
import { writeRefusal } from './writes.js';

export const tenancyIsolation: CheckDefinition = {
  id: 'tenancy.isolation',
  family: 'tenancy',
  title: "Another tenant's resource answers like a nonexistent one",
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      "On every operation with path parameters, an identity of tenant B asking for tenant A's resources (A's fixtures) gets the same status as for a nonexistent id of the same shape (normally 404). A 2xx is critical (BOLA); a 403 is a finding because it confirms the resource exists. Non-safe methods need --allow-destructive and tenancy.crossTenantWrites.",
    why: "Broken object level authorization is the most common API vulnerability: every endpoint that takes an id must check the caller may act on that object. Answering 403 instead of 404 still tells other tenants which ids exist; RFC 9110 lets the server answer 404 to hide a forbidden resource.",
    references: ['OWASP API1:2023 Broken Object Level Authorization', 'RFC 9110 §15.5.4 (403; 404 may hide a forbidden resource)', 'RFC 9110 §15.5.5 (404)'],
    fix: "Scope every lookup to the caller's tenant (filter by tenant, then fetch) so other tenants' ids are simply not found.",
  },
  appliesTo(operation, ctx) {
    if (pathParams(operation).length === 0 || isPublic(operation)) return false;
    const plans = tenancyPlans(ctx, operation);
    if ('skip' in plans) return skip(plans.skip, plans.enableWith);
    return writeRefusal(ctx, operation);
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const plans = tenancyPlans(ctx, operation);
    if ('skip' in plans) return [skip(plans.skip, plans.enableWith)];
    return Promise.all(plans.plans.map((plan) => judge(ctx, operation, plan)));
  },
};

async function judge(ctx: CheckContext, operation: Operation, plan: TenancyPlan): Promise<Finding> {
  const result = await crossTenantPair(ctx, operation, plan);
  if ('finding' in result) return result.finding;
  const { existing, missing, existence } = result.pair;
  const [cross, base] = [existing.response.status, missing.response.status];
  const { intruder, owner, params } = plan;
  const names = params.join(', ');
  const came = `as ${intruder.name} (tenant ${intruder.tenant}), ${target(existing)} — tenant ${owner}'s ${names}, ${existence} — answered ${cross}; a nonexistent ${names} (${target(missing)}) answered ${base}`;
  const extra = { identity: intruder.name, exchange: existing };
  if (cross >= 200 && cross < 300) {
    if (cross === base && bodyShape(existing.response) === bodyShape(missing.response)) return pass(`${came}, with bodies of the same shape: nothing of tenant ${owner}'s shows`, extra);
    return fail(
      `${came}; expected the answer for a nonexistent id — tenant ${intruder.tenant} can reach tenant ${owner}'s resource (OWASP API1:2023 Broken Object Level Authorization)`,
      `check the object's tenant on ${operation.key}: scope the lookup to the caller's tenant so other tenants' ids are not found (404)`,
      { ...extra, severity: 'critical' },
    );
  }
  if (cross === base) return pass(`${came}: the same status, so the id's existence does not show`, extra);
  if (cross === 403) {
    return fail(
      `${came}; expected ${base}, the same as for a nonexistent id — 403 confirms that tenant ${owner}'s resource exists (RFC 9110 §15.5.4 lets the server answer 404 to hide it; OWASP API1:2023)`,
      `answer ${base} for other tenants' resources: scope the lookup to the caller's tenant instead of fetching the object and then refusing it`,
      extra,
    );
  }
  return fail(`${came}; expected the same answer as for a nonexistent id — the difference tells tenant ${intruder.tenant} which ids of tenant ${owner} exist (OWASP API1:2023)`, `answer other tenants' ids exactly like missing ones (${base})`, extra);
}
