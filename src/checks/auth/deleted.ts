import { authorisedIdentity } from '../../auth/permitted.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';

/**
 * Whether the resource of a DELETE is gone now: its owner's GET on the same path, sent afresh, answers 404 or
 * 410. After the valid DELETE succeeded, that explains a 404 to the same URL without valid credentials.
 * Undefined when no GET is documented on the path or it says neither. Once per run and operation.
 */
export function deletedNow(ctx: CheckContext, operation: Operation): Promise<boolean | undefined> {
  return ctx.shared(`deleted now ${operation.key}`, async () => {
    const read = ctx.spec.operations.find((op) => op.method === 'get' && op.path === operation.path && op.serverPath === operation.serverPath);
    if (!read) return undefined;
    const chosen = authorisedIdentity(operation, ctx.config, ctx.identities, ctx.spec.securitySchemes);
    if ('skip' in chosen) return undefined;
    const sampled = ctx.sample(read, { tenant: chosen.identity?.tenant });
    if ('missing' in sampled) return undefined;
    const status = (await ctx.send(sampled.request, { identity: chosen.identity })).response?.status;
    if (status === 404 || status === 410) return true;
    return status !== undefined && status >= 200 && status < 300 ? false : undefined;
  });
}
