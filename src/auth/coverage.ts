import type { IdentityConfig } from '../config/schema.js';
import { isSecured, type Operation, type SecurityScheme } from '../spec/model.js';
import { authScheme } from './credentials.js';
import type { Identity } from './identity.js';

/**
 * Whether an identity holds credentials an operation accepts: `yes` when its configured credentials fill one
 * of the operation's security alternatives; `no` when they fill declared schemes, but none of this operation's
 * alternatives (a browser session cookie on an operation that takes only tokens or API keys); `unknown` when
 * they fill no declared scheme (custom headers), so nothing can be said.
 */
export type Coverage = 'yes' | 'no' | 'unknown';

export function credentialCoverage(identity: Identity, operation: Operation, schemes: Readonly<Record<string, SecurityScheme>>): Coverage {
  if (!isSecured(operation)) return 'yes';
  const held = new Set(Object.entries(schemes).filter(([name, scheme]) => holdsScheme(identity.config, name, scheme)).map(([name]) => name));
  if (held.size === 0) return 'unknown';
  const fills = (alternative: Operation['security'][number]) => alternative.every(({ scheme }) => held.has(scheme) || !schemes[scheme]);
  return operation.security.some(fills) ? 'yes' : 'no';
}

/** The identities that may hold credentials for the operation: all but those known to hold none it accepts, unless that leaves none. */
export function preferCovering(identities: readonly Identity[], operation: Operation, schemes: Readonly<Record<string, SecurityScheme>>): Identity[] {
  const usable = identities.filter((identity) => credentialCoverage(identity, operation, schemes) !== 'no');
  return usable.length > 0 ? usable : [...identities];
}

/** Whether the identity's config carries a credential for the scheme (by scheme name, header, cookie, query or login). */
function holdsScheme(config: IdentityConfig, name: string, scheme: SecurityScheme): boolean {
  if (config.credentials?.[name] !== undefined) return true;
  if (scheme.type === 'mutualTLS') return false;
  const headers = Object.fromEntries(Object.entries(config.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  const loginHeader = config.login ? config.login.header.toLowerCase() : undefined;
  if (scheme.type === 'apiKey') {
    const param = (scheme.paramName ?? 'X-API-Key').toLowerCase();
    if (scheme.in === 'query') return Object.keys(config.query ?? {}).some((key) => key.toLowerCase() === param);
    if (scheme.in === 'cookie') {
      const cookies = [...Object.keys(config.cookies ?? {}), ...(headers.cookie ?? '').split(';').map((pair) => pair.split('=')[0]!.trim())];
      return cookies.some((key) => key.toLowerCase() === param);
    }
    return headers[param] !== undefined || loginHeader === param;
  }
  const word = authScheme(scheme).toLowerCase();
  if (loginHeader === 'authorization' && config.login!.scheme.toLowerCase() === word) return true;
  return (headers.authorization ?? '').trim().toLowerCase().startsWith(`${word} `);
}
