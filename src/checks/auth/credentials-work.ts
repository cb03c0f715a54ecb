import { credentialCoverage } from '../../auth/coverage.js';
import type { Identity } from '../../auth/identity.js';
import { permittedIdentities } from '../../auth/permitted.js';
import type { Exchange } from '../../http/exchange.js';
import { isSafeMethod } from '../../run/safety.js';
import { isSecured } from '../../spec/model.js';
import type { CheckContext } from '../check.js';

const ATTEMPTS = 3;

/**
 * Whether the API accepts the identity's credentials at all: its valid request to a safe secured operation
 * it may call is not answered 401. Sent once per identity per run; undefined when no such operation answers.
 */
export function credentialsWork(ctx: CheckContext, identity: Identity): Promise<{ works: boolean; exchange: Exchange } | undefined> {
  return ctx.shared(`credentials work ${identity.name}`, async () => {
    let attempts = 0;
    for (const operation of ctx.spec.operations) {
      if (attempts >= ATTEMPTS) break;
      if (!isSecured(operation) || !isSafeMethod(operation.method) || !permittedIdentities(operation, ctx.config, [identity]).length) continue;
      if (credentialCoverage(identity, operation, ctx.spec.securitySchemes) === 'no') continue;
      const sampled = ctx.sample(operation, { tenant: identity.tenant });
      if ('missing' in sampled) continue;
      attempts++;
      const exchange = await ctx.send(sampled.request, { identity });
      const status = exchange.response?.status;
      if (status !== undefined) return { works: status !== 401, exchange };
    }
    return undefined;
  });
}
