import { isSafeMethod } from '../../run/safety.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { skip, type Finding } from '../result.js';

/**
 * Tenancy requests carry another tenant's real ids: a non-safe method could change that tenant's data if
 * isolation is broken, so it needs --allow-destructive and the explicit `tenancy.crossTenantWrites`.
 */
export function writeRefusal(ctx: CheckContext, operation: Operation): Finding | undefined {
  if (isSafeMethod(operation.method) || ctx.config.safety.safeOperations.includes(operation.key)) return undefined;
  const method = operation.method.toUpperCase();
  if (!ctx.mayCall(operation)) return skip(`${method} is not a safe method and destructive requests are off`, '--allow-destructive');
  if (!ctx.config.tenancy.crossTenantWrites) {
    return skip(`${method} with another tenant's real ids could change that tenant's data if isolation is broken`, 'tenancy.crossTenantWrites (with --allow-destructive)');
  }
  return undefined;
}
