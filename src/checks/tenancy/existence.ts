import type { Identity } from '../../auth/identity.js';
import { authorisedIdentity } from '../../auth/permitted.js';
import type { Exchange } from '../../http/exchange.js';
import { isSafeMethod } from '../../run/safety.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';

/** Whether the owner's fixtures name a resource that exists, as a read by the owner shows; `unknown` says why it was not asked. */
export type Existence = { exists: boolean; exchange: Exchange } | { unknown: string };

/**
 * Reads the owner's resource as the owner — with the operation itself when it is a read, else the GET on the
 * same path — so a comparison with a stale fixture is not taken for proof. Reuses the primary exchange when
 * it went out as the owner; once per run and path.
 */
export function ownerExistence(ctx: CheckContext, operation: Operation, owner: string, identity: Identity | undefined): Promise<Existence> {
  const read = isSafeMethod(operation.method) && operation.method !== 'options' ? operation : ctx.spec.operations.find((op) => op.method === 'get' && op.path === operation.path && op.serverPath === operation.serverPath);
  if (!read) return Promise.resolve({ unknown: `no GET is documented on ${operation.path}` });
  if (!identity) return Promise.resolve({ unknown: `no identity of tenant ${owner} may read it` });
  return ctx.shared(`existence ${read.key} ${owner}`, async (): Promise<Existence> => {
    const chosen = authorisedIdentity(read, ctx.config, ctx.identities, ctx.spec.securitySchemes);
    if ('identity' in chosen && chosen.identity?.tenant === owner) {
      const primary = await ctx.primary(read);
      if ('exchange' in primary) return verdict(primary.exchange);
    }
    const sampled = ctx.sample(read, { tenant: owner });
    if ('missing' in sampled) return { unknown: `no value for ${sampled.missing.join(', ')}` };
    return verdict(await ctx.send(sampled.request, { identity }));
  });
}

function verdict(exchange: Exchange): Existence {
  const status = exchange.response?.status;
  if (status === undefined) return { unknown: `no response to ${exchange.request.method} ${exchange.request.path}` };
  if (status === 404 || status === 410) return { exists: false, exchange };
  if (status >= 200 && status < 300) return { exists: true, exchange };
  return { unknown: `${exchange.request.method} ${exchange.request.path} as its owner answered ${status}` };
}
