import type { Config } from '../config/schema.js';
import type { Operation } from '../spec/model.js';

/** Roles allowed to call an operation: config `roles` first, then the spec's `x-roles`; undefined when unknown. */
export function allowedRoles(operation: Operation, config: Config): string[] | undefined {
  const configured = config.roles[operation.key];
  if (configured) return configured;
  const fromSpec = operation.extensions['x-roles'];
  return Array.isArray(fromSpec) ? fromSpec.map(String) : undefined;
}
