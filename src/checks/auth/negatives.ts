import { isBasic, secretForScheme } from '../../auth/credentials.js';
import type { Identity } from '../../auth/identity.js';
import { negativeCredentials, type KnownSecrets, type NegativeCredential } from '../../auth/negative.js';
import type { Exchange } from '../../http/exchange.js';
import type { Operation, SecurityScheme } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import type { Sent } from '../common/anonymous.js';
import { operationSchemes, withoutCredentials } from '../common/schemes.js';

export interface NegativeExchange {
  negative: NegativeCredential;
  exchange: Exchange;
}

/** The negative credentials sent for an operation, and the variants that could not be derived (with the key that enables them). */
export type NegativeRound = { sent: NegativeExchange[]; untested: string[] } | Extract<Sent, { skip: string }>;

interface SchemeNegatives {
  negatives: NegativeCredential[];
  untested: string[];
}

/**
 * Sends every negative credential of the operation's schemes with its valid request (the tenant's fixtures,
 * credentials stripped); once per run and shared by auth.invalid-credentials and auth.www-authenticate.
 */
export function negativeExchanges(ctx: CheckContext, operation: Operation, tenant: string | undefined): Promise<NegativeRound> {
  return ctx.shared(`negatives ${operation.key} ${tenant ?? ''}`, async (): Promise<NegativeRound> => {
    const schemes = operationSchemes(ctx.spec, operation);
    if (schemes.length === 0) return { skip: 'the security schemes it names are not declared in components.securitySchemes', enableWith: 'components.securitySchemes (in the document)' };
    const sampled = ctx.sample(operation, { tenant });
    if ('missing' in sampled) return { skip: `no value for ${sampled.missing.join(', ')}`, enableWith: `fixtures.${tenant ?? 'default'}.${sampled.missing[0]}` };
    const request = withoutCredentials(sampled.request, schemes);
    const derived = await Promise.all(schemes.map((scheme) => negativesOf(ctx, scheme)));
    const negatives = derived.flatMap((d) => d.negatives);
    if (negatives.length === 0) return { skip: 'no negative credential can be derived for its schemes (mutual TLS)', enableWith: 'checks.exclude' };
    const sent = await Promise.all(negatives.map(async (negative) => ({ negative, exchange: await ctx.send(request, { credentials: negative.credentials }) })));
    return { sent, untested: [...new Set(derived.flatMap((d) => d.untested))] };
  });
}

/** A scheme's negative credentials, derived once per run from the first identity holding a secret for it. */
function negativesOf(ctx: CheckContext, scheme: SecurityScheme): Promise<SchemeNegatives> {
  return ctx.shared(`negative credentials ${scheme.name}`, async () => {
    const known = await knownSecrets(ctx.identities, scheme);
    const negatives = await negativeCredentials(scheme, known);
    for (const secret of negatives.flatMap((n) => n.secrets)) ctx.addSecret(secret);
    const untested: string[] = [];
    if (!known.secret && scheme.type !== 'apiKey') {
      untested.push(`variants of a real ${scheme.name} credential (identities.<name>.credentials.${scheme.name} or a login)`);
    }
    if (!known.expired && scheme.type !== 'apiKey' && scheme.type !== 'mutualTLS' && !isBasic(scheme)) untested.push('an expired token (identities.<name>.expiredToken)');
    return { negatives, untested };
  });
}

async function knownSecrets(identities: readonly Identity[], scheme: SecurityScheme): Promise<KnownSecrets> {
  const known: KnownSecrets = {};
  for (const identity of identities) {
    const credentials = await identity.credentials().catch(() => undefined);
    const secret = credentials && secretForScheme(scheme, credentials);
    if (!secret) continue;
    known.secret ??= secret;
    if (identity.config.expiredToken) known.expired ??= { token: identity.config.expiredToken, configKey: `identities.${identity.name}.expiredToken` };
    if (known.expired) break;
  }
  return known;
}
