import { preferCovering } from '../../auth/coverage.js';
import type { Identity } from '../../auth/identity.js';
import type { CheckContext } from '../../checks/check.js';
import { allowedRoles } from '../../run/roles.js';
import { isSecured, type Operation } from '../../spec/model.js';
import type { ThrottleTarget } from '../model.js';
import type { Caller, Sent, Unavailable } from './types.js';

/**
 * The identity a probe sends as: the throttle's configured `identity`, else (for per-identity limits and
 * secured operations) the first identity allowed to call the operation, else none.
 */
export function probingIdentity(ctx: CheckContext, target: ThrottleTarget, operation: Operation): { identity: Identity | undefined } | Unavailable {
  if (target.identity !== undefined) {
    const named = ctx.identities.find((identity) => identity.name === target.identity);
    if (named) return { identity: named };
    const known = ctx.identities.map((identity) => identity.name).join(', ') || 'none';
    return { error: `the throttle names identity "${target.identity}", which is not configured (identities: ${known})` };
  }
  if (target.key !== 'identity' && !isSecured(operation)) return { identity: undefined };
  const [first] = authorisedIdentities(ctx, operation);
  if (first) return { identity: first };
  const why = target.key === 'identity' ? 'the limit is counted per identity' : 'the operation needs credentials';
  return { skip: `${why} and no configured identity may call ${operation.key}`, enableWith: 'identities (with a role allowed to call it)' };
}

/** A caller for the operation: the identity and a valid request filled with its tenant's fixtures. */
export function callerFor(ctx: CheckContext, operation: Operation, identity: Identity | undefined): Caller | Unavailable {
  const sampled = ctx.sample(operation, { tenant: identity?.tenant });
  if ('missing' in sampled) {
    return { skip: `no value for ${sampled.missing.join(', ')}`, enableWith: `fixtures.${identity?.tenant ?? 'default'}.${sampled.missing[0]}` };
  }
  return { identity, request: sampled.request };
}

/** Identities whose role may call the operation (all of them when no roles are known). */
function authorisedIdentities(ctx: CheckContext, operation: Operation): Identity[] {
  const roles = allowedRoles(operation, ctx.config);
  const allowed = roles ? ctx.identities.filter((identity) => identity.role !== undefined && roles.includes(identity.role)) : ctx.identities;
  return preferCovering(allowed, operation, ctx.spec.securitySchemes);
}

/** Sends the caller's request once, without the runner's 429 back-off, and times it. */
export async function sendAs(ctx: CheckContext, caller: Caller): Promise<Sent> {
  const startedAt = Date.now();
  const exchange = await ctx.send(caller.request, { identity: caller.identity, noBackoff: true });
  return { exchange, startedAt, at: Date.now() };
}

/** Sends the caller's request `count` times at once (the runner's concurrency bounds how many are in flight). */
export function sendMany(ctx: CheckContext, caller: Caller, count: number): Promise<Sent[]> {
  return Promise.all(Array.from({ length: Math.max(0, count) }, () => sendAs(ctx, caller)));
}

/** The identity key-isolation compares with: another identity allowed to call the operation, else any other. */
export function secondIdentity(ctx: CheckContext, operation: Operation, first: Identity | undefined): Identity | undefined {
  const other = (identity: Identity) => identity.name !== first?.name;
  return authorisedIdentities(ctx, operation).find(other) ?? ctx.identities.find(other);
}
