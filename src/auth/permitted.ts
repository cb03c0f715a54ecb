import type { Config } from '../config/schema.js';
import { allowedRoles } from '../run/roles.js';
import { isPublic, type Operation, type SecurityScheme } from '../spec/model.js';
import { preferCovering } from './coverage.js';
import type { Identity } from './identity.js';

/** Identities whose role may call the operation; every identity when no roles are known for it. */
export function permittedIdentities(operation: Operation, config: Config, identities: readonly Identity[]): Identity[] {
  const roles = allowedRoles(operation, config);
  return roles ? identities.filter((i) => i.role !== undefined && roles.includes(i.role)) : [...identities];
}

/** Identities with a role that may not call the operation; none when no roles are known for it. */
export function forbiddenIdentities(operation: Operation, config: Config, identities: readonly Identity[]): Identity[] {
  const roles = allowedRoles(operation, config);
  return roles ? identities.filter((i) => i.role !== undefined && !roles.includes(i.role)) : [];
}

/**
 * The identity a valid request goes out as: none for public operations or when none is configured; else a
 * permitted one whose tenant has fixtures for every path parameter, else the first permitted one — among those
 * whose credentials the operation accepts, when `schemes` shows some hold none it does (see preferCovering).
 */
export function authorisedIdentity(
  operation: Operation,
  config: Config,
  identities: readonly Identity[],
  schemes: Readonly<Record<string, SecurityScheme>> = {},
): { identity: Identity | undefined } | { skip: string; enableWith: string } {
  if (isPublic(operation) || identities.length === 0) return { identity: undefined };
  const permitted = permittedIdentities(operation, config, identities);
  if (permitted.length === 0) {
    return {
      skip: `no configured identity has a role allowed to call it (${allowedRoles(operation, config)?.join(', ')})`,
      enableWith: 'identities.<name>.role',
    };
  }
  const pathParams = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const covered = (identity: Identity) => pathParams.every((name) => config.fixtures[identity.tenant ?? 'default']?.[name] !== undefined);
  const allowed = preferCovering(permitted, operation, schemes);
  return { identity: allowed.find(covered) ?? allowed[0] };
}
