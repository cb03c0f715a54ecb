import { isPublic, type Operation } from '../../spec/model.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { target } from '../common/describe.js';
import { fail, pass, skip, type Finding } from '../result.js';
import { crossTenantPair, mixedTenantPair, type Mixed, type PairResult } from './pairs.js';
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
      "On every operation with path parameters, an identity of tenant B asking for tenant A's resources (A's fixtures) gets the same status as for a nonexistent id of the same shape (normally 404); on a nested route, tenant A's leaf id under tenant B's own parent ids (B's org, A's project) does too. A 2xx is critical (BOLA); a 403 is a finding because it confirms the resource exists. Non-safe methods need --allow-destructive and tenancy.crossTenantWrites.",
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

/**
 * Tenant A's ids as tenant B; on a nested route also A's leaf id under B's own parent ids (B's org, A's
 * project). The first that answers unlike a nonexistent id is the finding; else the plain pair's pass.
 */
async function judge(ctx: CheckContext, operation: Operation, plan: TenancyPlan): Promise<Finding> {
  const crossed = judgePair(await crossTenantPair(ctx, operation, plan), operation, plan, undefined);
  const mixing = crossed.outcome === 'pass' ? mixedTenantPair(ctx, operation, plan) : undefined;
  if (!mixing) return crossed;
  const result = await mixing.result;
  const mixed = judgePair(result, operation, plan, mixing.mixed);
  if (mixed.outcome === 'fail' || mixed.outcome === 'error' || !('pair' in result)) return mixed.outcome === 'skip' ? crossed : mixed;
  const { parents, leaf } = mixing.mixed;
  const also = `under tenant ${plan.intruder.tenant}'s own ${parents.join(', ')}, ${target(result.pair.existing)} answered ${result.pair.existing.response.status} too, like a nonexistent ${leaf}`;
  return { ...crossed, message: `${crossed.message}; ${also}` };
}

function judgePair(result: PairResult, operation: Operation, plan: TenancyPlan, mixed: Mixed | undefined): Finding {
  if ('finding' in result) return result.finding;
  const { existing, missing, existence } = result.pair;
  const [cross, base] = [existing.response.status, missing.response.status];
  const { intruder, owner } = plan;
  const names = mixed ? mixed.leaf : plan.params.join(', ');
  const whose = mixed ? `tenant ${owner}'s ${names} under tenant ${intruder.tenant}'s own ${mixed.parents.join(', ')}` : `tenant ${owner}'s ${names}`;
  const came = `as ${intruder.name} (tenant ${intruder.tenant}), ${target(existing)} — ${whose}, ${existence} — answered ${cross}; a nonexistent ${names} (${target(missing)}) answered ${base}`;
  const extra = { identity: intruder.name, exchange: existing };
  if (cross >= 200 && cross < 300) {
    if (cross === base && bodyShape(existing.response) === bodyShape(missing.response)) return pass(`${came}, with bodies of the same shape: nothing of tenant ${owner}'s shows`, extra);
    return fail(
      `${came}; expected the answer for a nonexistent id — tenant ${intruder.tenant} can reach tenant ${owner}'s resource (OWASP API1:2023 Broken Object Level Authorization)`,
      mixed
        ? `look ${mixed.leaf} up within the ${mixed.parents.join(', ')} of the URL (e.g. WHERE id = :${mixed.leaf} AND ${mixed.parents.at(-1)} = :${mixed.parents.at(-1)}), not by its id alone, on ${operation.key}`
        : `check the object's tenant on ${operation.key}: scope the lookup to the caller's tenant so other tenants' ids are not found (404)`,
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
