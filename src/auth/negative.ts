import { randomBytes } from 'node:crypto';
import type { SecurityScheme } from '../spec/model.js';
import { alter } from './alter.js';
import { authScheme, credentialsForScheme, isBasic, placeOf } from './credentials.js';
import type { Credentials } from './identity.js';
import { foreignKeyJwt, jwtClaims, tamperedJwt, unsignedJwt } from './jwt.js';

export type NegativeKind = 'empty' | 'malformed' | 'wrong-scheme' | 'unknown' | 'tampered' | 'alg-none' | 'foreign-key' | 'expired';

/** A credential the API must refuse, derived from one security scheme. */
export interface NegativeCredential {
  kind: NegativeKind;
  /** The security scheme it targets. */
  scheme: string;
  /** What is sent, for messages (never the value): `an unsigned JWT (alg: none) in Authorization`. */
  label: string;
  /**
   * The RFC 6750 error codes a Bearer challenge may carry for it: `invalid_token` when a token was sent,
   * none when no Bearer token was, undefined when either is fine (an empty token).
   */
  bearerErrors: readonly string[] | undefined;
  credentials: Credentials;
  /** Values derived from real secrets, to be redacted like them. */
  secrets: string[];
}

/** What is known for a scheme: a working secret (as the scheme carries it) and an expired token, with where it came from. */
export interface KnownSecrets {
  secret?: string | undefined;
  expired?: { token: string; configKey: string } | undefined;
}

const MALFORMED_TOKEN = 'specgate.malformed.token';
const SENT = ['invalid_token'];
const MALFORMED = ['invalid_token', 'invalid_request'];
const NONE: readonly string[] = [];

/**
 * The negative credentials of a scheme: empty, malformed, another auth scheme, an unknown value of the
 * same shape; for a JWT a tampered payload under the original signature, `alg: none` and a foreign key's
 * signature; the configured expired token. Sending no credentials at all is auth.required's request.
 */
export async function negativeCredentials(scheme: SecurityScheme, known: KnownSecrets): Promise<NegativeCredential[]> {
  if (scheme.type === 'mutualTLS') return [];
  const place = placeOf(scheme);
  const word = authScheme(scheme);
  const make = (kind: NegativeKind, label: string, value: string, bearerErrors: readonly string[] | undefined, secrets: string[] = []): NegativeCredential => ({
    kind,
    scheme: scheme.name,
    label: `${label} in ${place}`,
    bearerErrors,
    credentials: credentialsForScheme(scheme, value),
    secrets,
  });
  const list: NegativeCredential[] = [make('empty', scheme.type === 'apiKey' ? 'an empty API key' : `an empty ${word} credential`, '', undefined)];
  if (scheme.type === 'apiKey') {
    list.push(make('malformed', 'a malformed API key', 'specgate-malformed-key', NONE));
    list.push(unknownValue(scheme, known.secret, make));
  } else if (isBasic(scheme)) {
    list.push(make('malformed', 'Basic credentials that are not base64 of user:password', Buffer.from('specgate-without-colon').toString('base64'), NONE));
    list.push(wrongScheme(scheme, 'Bearer', randomToken()));
    list.push(unknownValue(scheme, known.secret, make));
  } else {
    list.push(make('malformed', 'a malformed token', MALFORMED_TOKEN, MALFORMED));
    list.push(wrongScheme(scheme, word === 'Basic' ? 'Bearer' : 'Basic', Buffer.from('specgate:specgate').toString('base64')));
    list.push(...(await tokenVariants(known.secret, make)));
  }
  if (known.expired) {
    list.push(make('expired', `the expired token from ${known.expired.configKey}`, stripScheme(known.expired.token, word), SENT));
  }
  return list;
}

type Make = (kind: NegativeKind, label: string, value: string, bearerErrors: readonly string[] | undefined, secrets?: string[]) => NegativeCredential;

function wrongScheme(scheme: SecurityScheme, word: string, value: string): NegativeCredential {
  return {
    kind: 'wrong-scheme',
    scheme: scheme.name,
    label: `${word} credentials instead of ${authScheme(scheme)} in Authorization`,
    bearerErrors: NONE,
    credentials: { headers: { authorization: `${word} ${value}` }, query: {} },
    secrets: [],
  };
}

function unknownValue(scheme: SecurityScheme, secret: string | undefined, make: Make): NegativeCredential {
  if (scheme.type === 'apiKey') {
    const value = secret ? alter(secret) : randomToken();
    return make('unknown', secret ? 'an unknown API key of the same shape as a real one' : 'an unknown API key', value, NONE, secret ? [value] : []);
  }
  const user = secret ? Buffer.from(secret, 'base64').toString().split(':')[0] : undefined;
  if (user) {
    const value = `${user}:${randomToken()}`;
    return make('unknown', `a known user with a wrong password (Basic)`, value, NONE, [value, Buffer.from(value).toString('base64')]);
  }
  return make('unknown', 'an unknown user (Basic)', `specgate-${randomToken()}:${randomToken()}`, NONE);
}

async function tokenVariants(secret: string | undefined, make: Make): Promise<NegativeCredential[]> {
  if (!secret) return [make('unknown', 'an unknown token', randomToken(), SENT)];
  if (!jwtClaims(secret)) {
    const value = alter(secret);
    return [make('unknown', 'an unknown token of the same shape as a real one', value, SENT, [value])];
  }
  const tampered = tamperedJwt(secret);
  const unsigned = unsignedJwt(secret);
  const foreign = await foreignKeyJwt(secret);
  return [
    make('tampered', 'a JWT with a tampered payload under its original signature', tampered, SENT, [tampered]),
    make('alg-none', 'an unsigned JWT (alg: none)', unsigned, SENT, [unsigned]),
    make('foreign-key', 'a JWT signed with a foreign key', foreign, SENT, [foreign]),
  ];
}

function stripScheme(token: string, word: string): string {
  return token.replace(new RegExp(`^${word}\\s+`, 'i'), '');
}

function randomToken(): string {
  return randomBytes(24).toString('hex');
}
