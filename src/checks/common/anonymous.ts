import { authorisedIdentity } from '../../auth/permitted.js';
import type { Exchange } from '../../http/exchange.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { operationSchemes, withoutCredentials } from './schemes.js';

/** An exchange a check sent, or why it could not be sent. */
export type Sent = { exchange: Exchange } | { skip: string; enableWith: string };

/** The tenant whose fixtures fill requests about the operation: the one its valid request goes out as. */
export function referenceTenant(ctx: CheckContext, operation: Operation): string | undefined {
  const chosen = authorisedIdentity(operation, ctx.config, ctx.identities, ctx.spec.securitySchemes);
  return 'identity' in chosen ? chosen.identity?.tenant : undefined;
}

/**
 * The operation's valid request, filled with the tenant's fixtures, sent without any credentials; once per
 * run and shared by every check that needs it.
 */
export function anonymousExchange(ctx: CheckContext, operation: Operation, tenant: string | undefined): Promise<Sent> {
  return ctx.shared(`anonymous ${operation.key} ${tenant ?? ''}`, async (): Promise<Sent> => {
    const sampled = ctx.sample(operation, { tenant });
    if ('missing' in sampled) return { skip: `no value for ${sampled.missing.join(', ')}`, enableWith: `fixtures.${tenant ?? 'default'}.${sampled.missing[0]}` };
    const request = withoutCredentials(sampled.request, operationSchemes(ctx.spec, operation));
    return { exchange: await ctx.send(request) };
  });
}
