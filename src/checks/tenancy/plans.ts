import type { Identity } from '../../auth/identity.js';
import { preferCovering } from '../../auth/coverage.js';
import { permittedIdentities } from '../../auth/permitted.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';

/** Tenant A's resource ids on one operation, and an identity of another tenant to ask for them. */
export interface TenancyPlan {
  owner: string;
  /** Path parameters whose values are the owner tenant's own fixtures. */
  params: string[];
  /** A permitted identity of the owner tenant, to confirm the ids exist. */
  ownerIdentity: Identity | undefined;
  intruder: Identity;
}

export type Plans = { plans: TenancyPlan[] } | { skip: string; enableWith: string };

export function pathParams(operation: Operation): string[] {
  return operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
}

/**
 * For each tenant whose fixtures hold the operation's path parameters: that tenant as owner, and the first
 * identity of another tenant allowed to call the operation as intruder.
 */
export function tenancyPlans(ctx: CheckContext, operation: Operation): Plans {
  const params = pathParams(operation);
  const { fixtures } = ctx.config;
  const tenants = [...new Set(ctx.identities.flatMap((i) => (i.tenant === undefined ? [] : [i.tenant])))];
  if (tenants.length < 2) return { skip: `identities of two tenants are needed (configured: ${tenants.join(', ') || 'none'})`, enableWith: 'identities.<name>.tenant' };
  const owners = tenants.filter((t) => params.some((p) => fixtures[t]?.[p] !== undefined) && params.every((p) => fixtures[t]?.[p] !== undefined || fixtures.default?.[p] !== undefined));
  if (owners.length === 0) return { skip: `no tenant has fixtures for ${params.join(', ')}`, enableWith: `fixtures.${tenants[0]}.${params[0]}` };
  const permitted = preferCovering(permittedIdentities(operation, ctx.config, ctx.identities), operation, ctx.spec.securitySchemes);
  const plans = owners.flatMap((owner): TenancyPlan[] => {
    const intruder = permitted.find((i) => i.tenant !== undefined && i.tenant !== owner);
    if (!intruder) return [];
    return [{ owner, params: params.filter((p) => fixtures[owner]?.[p] !== undefined), ownerIdentity: permitted.find((i) => i.tenant === owner), intruder }];
  });
  if (plans.length === 0) return { skip: `no identity of another tenant than ${owners.join(', ')} may call it`, enableWith: 'identities.<name>.role' };
  return { plans };
}
