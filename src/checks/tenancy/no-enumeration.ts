import { isPublic } from '../../spec/model.js';
import type { CheckDefinition } from '../check.js';
import { target } from '../common/describe.js';
import { fail, pass, skip, type Finding } from '../result.js';
import { anonymousPair, crossTenantPair, type Pair, type PairResult } from './pairs.js';
import { pathParams, tenancyPlans, type TenancyPlan } from './plans.js';
import { bodyShape } from './shape.js';
import { writeRefusal } from './writes.js';

const SHAPE_QUOTE = 100;

export const tenancyNoEnumeration: CheckDefinition = {
  id: 'tenancy.no-enumeration',
  family: 'tenancy',
  title: 'Existing and nonexistent ids cannot be told apart',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      "Without credentials, an existing id (from fixtures) and a nonexistent id of the same shape get the same status and a body of the same shape (JSON keys and types, not values). As another tenant, when both answer the same status, the bodies have the same shape too (a different status is tenancy.isolation's finding).",
    why: 'An API that answers 401 for ids that exist and 404 for ids that do not lets anyone enumerate resources without logging in; a body that differs does the same for other tenants. RFC 9110 lets 404 stand for "not willing to disclose that one exists".',
    references: ['OWASP API1:2023 Broken Object Level Authorization', 'RFC 9110 §15.5.5 (404 need not disclose existence)', 'RFC 9110 §15.5.2 (401)'],
    fix: 'Authenticate before looking anything up, and answer other tenants\' and missing ids with the same error body.',
  },
  appliesTo(operation, ctx) {
    if (pathParams(operation).length === 0 || isPublic(operation)) return false;
    return writeRefusal(ctx, operation);
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const findings = [judgeAnonymous(await anonymousPair(ctx, operation), pathParams(operation))];
    const plans = tenancyPlans(ctx, operation);
    if ('skip' in plans) return [...findings, skip(`as another tenant: ${plans.skip}`, plans.enableWith)];
    const crossed = await Promise.all(plans.plans.map(async (plan) => judgeCross(await crossTenantPair(ctx, operation, plan), plan)));
    return [...findings, ...crossed.flat()];
  },
};

function judgeAnonymous(result: PairResult, params: string[]): Finding {
  if ('finding' in result) return result.finding;
  const { existing, missing, existence } = result.pair;
  const [known, unknown] = [existing.response.status, missing.response.status];
  const names = params.join(', ');
  const came = `without credentials, ${target(existing)} (an existing ${names}, ${existence}) answered ${known} and ${target(missing)} (a nonexistent one) answered ${unknown}`;
  if (known >= 200 && known < 300) return skip(`${target(existing)} answered ${known} without credentials: the resource is readable anonymously (auth.required judges whether it should be)`, 'security (in the document)', { exchange: existing });
  if (known !== unknown) {
    return fail(`${came}; expected the same answer — anyone can tell which ids exist without logging in (OWASP API1:2023; RFC 9110 §15.5.5)`, 'authenticate before looking the resource up, so every request without valid credentials gets the same 401', { exchange: existing });
  }
  return sameShape(result.pair, came, undefined);
}

/** Bodies of equal statuses; a difference in status, or a success, is tenancy.isolation's to judge, so nothing is said here. */
function judgeCross(result: PairResult, plan: TenancyPlan): Finding[] {
  if ('finding' in result) return [result.finding];
  const { existing, missing } = result.pair;
  const [cross, base] = [existing.response.status, missing.response.status];
  if (cross !== base || (cross >= 200 && cross < 300)) return [];
  const came = `as ${plan.intruder.name} (tenant ${plan.intruder.tenant}), ${target(existing)} (tenant ${plan.owner}'s ${plan.params.join(', ')}) and ${target(missing)} (a nonexistent one) both answered ${cross}`;
  return [sameShape(result.pair, came, plan.intruder.name)];
}

function sameShape({ existing, missing }: Pair, came: string, identity: string | undefined): Finding {
  const extra = { exchange: existing, ...(identity ? { identity } : {}) };
  const [a, b] = [bodyShape(existing.response), bodyShape(missing.response)];
  if (a === b) return pass(`${came}, with bodies of the same shape`, extra);
  return fail(`${came}, but the bodies differ in shape (${quote(a)} vs ${quote(b)}) — the body tells which ids exist (OWASP API1:2023)`, 'answer existing-but-inaccessible and missing ids with the same error body (same fields, same media type)', extra);
}

function quote(shape: string): string {
  return shape.length > SHAPE_QUOTE ? `${shape.slice(0, SHAPE_QUOTE)}…` : shape;
}
