import type { Config, IdentityConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { ApiSpec } from '../spec/model.js';
import { credentialsForScheme, mergeCredentials } from './credentials.js';
import type { Credentials, Identity, LoginFlow } from './identity.js';
import { TokenKeeper } from './token-keeper.js';

/** Builds the configured identities; static credentials are placed per security scheme, login tokens kept fresh. */
export function createIdentities(config: Config, spec: ApiSpec, login: LoginFlow): Identity[] {
  return Object.entries(config.identities).map(([name, identityConfig]) => {
    const fixed = staticCredentials(name, identityConfig, spec);
    const base = { name, tenant: identityConfig.tenant, role: identityConfig.role, config: identityConfig };
    if (!identityConfig.login) return { ...base, credentials: () => Promise.resolve(fixed), answered: () => Promise.resolve(false) };
    const keeper = new TokenKeeper(async (previous) => {
      const token = await login(name, identityConfig, previous);
      return { ...token, credentials: mergeCredentials(fixed, token.credentials) };
    });
    return { ...base, credentials: () => keeper.credentials(), answered: (sent, status) => keeper.answered(sent, status) };
  });
}

function staticCredentials(name: string, identity: IdentityConfig, spec: ApiSpec): Credentials {
  const parts: Credentials[] = [];
  for (const [schemeName, secret] of Object.entries(identity.credentials ?? {})) {
    const scheme = spec.securitySchemes[schemeName];
    if (!scheme) {
      const known = Object.keys(spec.securitySchemes).join(', ') || 'none';
      throw new UsageError('SPECGATE_CONFIG_INVALID', `identities.${name}.credentials.${schemeName}: the spec has no security scheme "${schemeName}" (it has: ${known})`, {
        hint: 'use a scheme name from components.securitySchemes, or give the header under identities.<name>.headers',
      });
    }
    parts.push(credentialsForScheme(scheme, secret));
  }
  const headers = Object.fromEntries(Object.entries(identity.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const cookies = Object.entries(identity.cookies ?? {}).map(([k, v]) => `${k}=${v}`);
  if (cookies.length > 0) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ');
  parts.push({ headers, query: { ...identity.query } });
  return mergeCredentials(...parts);
}

/** Every literal secret an identity holds in its config (for redaction). */
export function identitySecrets(identity: IdentityConfig): string[] {
  const secrets = [
    ...Object.values(identity.headers ?? {}),
    ...Object.values(identity.credentials ?? {}),
    ...Object.values(identity.query ?? {}),
    ...Object.values(identity.cookies ?? {}),
  ];
  if (identity.expiredToken) secrets.push(identity.expiredToken);
  collectStrings(identity.login?.body, secrets);
  const basic = Object.values(identity.credentials ?? {}).filter((s) => s.includes(':')).map((s) => Buffer.from(s).toString('base64'));
  return [...secrets, ...basic].flatMap((s) => [s, s.replace(/^(Bearer|Basic|Token)\s+/i, '')]).filter((s) => s.length >= 4);
}

const SECRET_FIELD = /pass|secret|token|key|credential/i;

function collectStrings(value: unknown, into: string[], depth = 0): void {
  if (depth > 8 || !value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'string' && SECRET_FIELD.test(key)) into.push(child);
    else collectStrings(child, into, depth + 1);
  }
}
