import { isDeepStrictEqual } from 'node:util';
import type { Identity } from '../../auth/identity.js';
import { preferCovering } from '../../auth/coverage.js';
import { permittedIdentities } from '../../auth/permitted.js';
import type { Exchange, OutgoingRequest, RecordedResponse } from '../../http/exchange.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { anonymousExchange, referenceTenant } from '../common/anonymous.js';
import { target } from '../common/describe.js';
import { operationSchemes, withoutCredentials } from '../common/schemes.js';
import { errored, skip, type Finding } from '../result.js';
import { ownerExistence, type Existence } from './existence.js';
import { nonexistentValues } from './nonexistent-values.js';
import { pathParams, type TenancyPlan } from './plans.js';

type Answered = Exchange & { response: RecordedResponse };

/** The answers to an existing id of the owner and to a nonexistent id of the same shape, asked the same way. */
export interface Pair {
  existing: Answered;
  missing: Answered;
  /** How the owner's ids are known to exist, for messages. */
  existence: string;
}

export type PairResult = { pair: Pair } | { finding: Finding };

const MALFORMED = new Set([400, 422]);

/** Tenant A's ids and nonexistent ids, both asked for as an identity of tenant B; once per run. */
export function crossTenantPair(ctx: CheckContext, operation: Operation, plan: TenancyPlan): Promise<PairResult> {
  const { owner, params, intruder } = plan;
  return ctx.shared(`cross-tenant ${operation.key} ${owner} ${intruder.name}`, () =>
    askPair(ctx, operation, { tenant: owner, params, identity: plan.ownerIdentity, who: intruder, send: (request) => ctx.send(request, { identity: intruder }) }),
  );
}

/** Where a mixed pair puts tenant A's id: the leaf parameter, under tenant B's own values of the parent parameters. */
export interface Mixed {
  leaf: string;
  parents: string[];
}

/**
 * On a nested route (`/orgs/{org_id}/projects/{project_id}`), tenant A's leaf id under tenant B's own parent ids,
 * and a nonexistent leaf there, both asked for as tenant B: a route that checks B may use B's org but looks the
 * project up by its id alone serves A's project (OWASP API1). Undefined when the route has no parents whose
 * values differ between the tenants (the plain cross-tenant pair already asks that), or B has no fixtures for them.
 */
export function mixedTenantPair(ctx: CheckContext, operation: Operation, plan: TenancyPlan): { mixed: Mixed; result: Promise<PairResult> } | undefined {
  const { owner, params, intruder } = plan;
  const { fixtures } = ctx.config;
  const order = [...operation.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!).filter((name) => pathParams(operation).includes(name));
  const leaf = order.at(-1);
  const own = intruder.tenant;
  if (leaf === undefined || order.length < 2 || !params.includes(leaf) || own === undefined) return undefined;
  const valueOf = (tenant: string, name: string) => fixtures[tenant]?.[name] ?? fixtures.default?.[name];
  const parents = order.slice(0, -1);
  if (parents.some((name) => valueOf(own, name) === undefined)) return undefined;
  if (!parents.some((name) => !isDeepStrictEqual(valueOf(own, name), valueOf(owner, name)))) return undefined;
  if (isDeepStrictEqual(valueOf(own, leaf), valueOf(owner, leaf))) return undefined;
  const mixed = { leaf, parents };
  const result = ctx.shared(`mixed-tenant ${operation.key} ${owner} ${intruder.name}`, () =>
    askPair(ctx, operation, { tenant: owner, params, identity: plan.ownerIdentity, who: intruder, fillFrom: own, only: [leaf], send: (request) => ctx.send(request, { identity: intruder }) }),
  );
  return { mixed, result };
}

/** An owner's ids and nonexistent ids, both asked for without credentials; once per run. */
export function anonymousPair(ctx: CheckContext, operation: Operation): Promise<PairResult> {
  return ctx.shared(`anonymous pair ${operation.key}`, async (): Promise<PairResult> => {
    const params = pathParams(operation);
    const { fixtures } = ctx.config;
    const covers = (group: string) => params.every((p) => fixtures[group]?.[p] !== undefined || fixtures.default?.[p] !== undefined);
    const groups = [referenceTenant(ctx, operation), ...Object.keys(fixtures).filter((g) => g !== 'default'), 'default'];
    const owner = groups.find((group): group is string => group !== undefined && params.some((p) => fixtures[group]?.[p] !== undefined) && covers(group));
    if (!owner) return { finding: skip(`no fixtures name existing ${params.join(', ')}`, `fixtures.<tenant>.${params[0]}`) };
    const permitted = preferCovering(permittedIdentities(operation, ctx.config, ctx.identities), operation, ctx.spec.securitySchemes);
    const identity = owner === 'default' ? permitted[0] : permitted.find((i) => i.tenant === owner);
    const owned = params.filter((p) => fixtures[owner]?.[p] !== undefined);
    const tenant = owner === 'default' ? undefined : owner;
    const existing = await anonymousExchange(ctx, operation, tenant);
    if ('skip' in existing) return { finding: skip(`not sent: ${existing.skip}`, existing.enableWith) };
    const strip = (request: OutgoingRequest) => withoutCredentials(request, operationSchemes(ctx.spec, operation));
    return askPair(ctx, operation, { tenant: owner, params: owned, identity, existing: existing.exchange, send: (request) => ctx.send(strip(request)) });
  });
}

interface Asking {
  tenant: string;
  params: readonly string[];
  /** The owner's identity, to confirm the ids exist. */
  identity: Identity | undefined;
  /** The identity asking, when not anonymous. */
  who?: Identity;
  /** The existing-id answer when it was already sent. */
  existing?: Exchange;
  /** The tenant whose fixtures fill the request (default: the owner), with the owner's values for `only`. */
  fillFrom?: string;
  /** The parameters that get the owner's and the nonexistent values (default: all of `params`). */
  only?: readonly string[];
  send(request: OutgoingRequest): Promise<Exchange>;
}

async function askPair(ctx: CheckContext, operation: Operation, asking: Asking): Promise<PairResult> {
  const { tenant, params, who } = asking;
  const extra = who ? { identity: who.name } : {};
  const existence = await ownerExistence(ctx, operation, tenant, asking.identity);
  if ('exists' in existence && !existence.exists) {
    return { finding: skip(`tenant ${tenant}'s ${params.join(', ')} do not exist: ${target(existence.exchange)} as its owner answered ${existence.exchange.response!.status}`, `fixtures.${tenant}.${params[0]}`, { ...extra, exchange: existence.exchange }) };
  }
  const nonexistent = await nonexistentValues(ctx, operation, tenant, params);
  if ('skip' in nonexistent) return { finding: skip(nonexistent.skip, nonexistent.enableWith, extra) };
  const group = tenant === 'default' ? undefined : tenant;
  const only = asking.only ?? params;
  const pick = (values: Record<string, unknown>) => Object.fromEntries(only.map((name) => [name, values[name]]));
  const owned = asking.fillFrom === undefined ? undefined : pick({ ...ctx.config.fixtures.default, ...ctx.config.fixtures[tenant] });
  const fill = asking.fillFrom ?? group;
  const real = ctx.sample(operation, { tenant: fill, values: owned });
  const made = ctx.sample(operation, { tenant: fill, values: { ...owned, ...pick(nonexistent.values) } });
  if ('missing' in real || 'missing' in made) {
    const missing = 'missing' in real ? real.missing : 'missing' in made ? made.missing : [];
    return { finding: skip(`no value for ${missing.join(', ')}`, `fixtures.${tenant}.${missing[0]}`, extra) };
  }
  const [existing, missing] = await Promise.all([asking.existing ?? asking.send(real.request), asking.send(made.request)]);
  for (const exchange of [existing, missing]) {
    if (!exchange.response) return { finding: errored(`no response to ${target(exchange)}: ${exchange.error}`, { ...extra, exchange }) };
  }
  const pair: Pair = { existing: existing as Answered, missing: missing as Answered, existence: describeExistence(existence) };
  return sane(pair, only, who) ?? { pair };
}

/** Pairs that cannot be compared: the made-up id was refused as malformed, or the asking identity was refused outright. */
function sane(pair: Pair, params: readonly string[], who: Identity | undefined): PairResult | undefined {
  const existing = pair.existing.response.status;
  const missing = pair.missing.response.status;
  const extra = { ...(who ? { identity: who.name } : {}), exchange: pair.missing };
  if (MALFORMED.has(missing) && existing !== missing) {
    return { finding: skip(`the made-up ${params.join(', ')} (${target(pair.missing)}) was refused as invalid (${missing}), so it is no baseline`, `tenancy.nonexistent.${params[0]}`, extra) };
  }
  if (who && existing === 401 && missing === 401) {
    return { finding: skip(`${who.name}'s credentials are refused (401 to both ids)`, `identities.${who.name} (working credentials)`, extra) };
  }
  return undefined;
}

function describeExistence(existence: Existence): string {
  return 'exists' in existence ? `its owner reads it (${target(existence.exchange)} answered ${existence.exchange.response!.status})` : `taken from fixtures, not confirmed: ${existence.unknown}`;
}
