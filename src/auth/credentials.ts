import type { SecurityScheme } from '../spec/model.js';
import type { Credentials } from './identity.js';

/** Places one secret for one security scheme: bearer/basic in Authorization, API keys where the scheme says. */
export function credentialsForScheme(scheme: SecurityScheme, secret: string): Credentials {
  const credentials: Credentials = { headers: {}, query: {} };
  if (isBasic(scheme)) {
    const encoded = secret.includes(':') ? Buffer.from(secret).toString('base64') : secret;
    credentials.headers.authorization = `Basic ${encoded}`;
  } else if (scheme.type === 'apiKey') {
    const name = apiKeyName(scheme);
    if (scheme.in === 'query') credentials.query[name] = secret;
    else if (scheme.in === 'cookie') credentials.headers.cookie = `${name}=${secret}`;
    else credentials.headers[name.toLowerCase()] = secret;
  } else {
    credentials.headers.authorization = `${authScheme(scheme)} ${secret}`;
  }
  return credentials;
}

/** The secret a scheme carries in these credentials (the inverse of credentialsForScheme); Basic stays encoded. */
export function secretForScheme(scheme: SecurityScheme, credentials: Credentials): string | undefined {
  if (scheme.type === 'apiKey') {
    const name = apiKeyName(scheme);
    if (scheme.in === 'query') return credentials.query[name];
    if (scheme.in === 'cookie') return cookieValue(credentials.headers.cookie, name);
    return credentials.headers[name.toLowerCase()];
  }
  const match = /^(\S+)\s+(\S+)$/.exec(credentials.headers.authorization?.trim() ?? '');
  if (!match || match[1]!.toLowerCase() !== authScheme(scheme).toLowerCase()) return undefined;
  return match[2];
}

/** The auth-scheme word a scheme uses in Authorization and WWW-Authenticate (`Bearer` for OAuth 2 and OIDC). */
export function authScheme(scheme: SecurityScheme): string {
  if (isBasic(scheme)) return 'Basic';
  if (scheme.type === 'http' && scheme.scheme && scheme.scheme !== 'bearer') return capitalise(scheme.scheme);
  return 'Bearer';
}

/** Where a scheme's credential goes, for messages: `Authorization`, `the X-API-Key header`, `the api_key query parameter`. */
export function placeOf(scheme: SecurityScheme): string {
  if (scheme.type !== 'apiKey') return 'Authorization';
  const name = apiKeyName(scheme);
  if (scheme.in === 'query') return `the ${name} query parameter`;
  if (scheme.in === 'cookie') return `the ${name} cookie`;
  return `the ${name} header`;
}

export function isBasic(scheme: SecurityScheme): boolean {
  return scheme.type === 'basic' || (scheme.type === 'http' && scheme.scheme === 'basic');
}

export function mergeCredentials(...parts: Credentials[]): Credentials {
  const merged: Credentials = { headers: {}, query: {} };
  for (const part of parts) {
    Object.assign(merged.headers, part.headers);
    Object.assign(merged.query, part.query);
  }
  return merged;
}

function apiKeyName(scheme: SecurityScheme): string {
  return scheme.paramName ?? 'X-API-Key';
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
