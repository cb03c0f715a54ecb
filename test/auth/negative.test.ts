import { base64url, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { alter } from '../../src/auth/alter.js';
import { secretForScheme } from '../../src/auth/credentials.js';
import { negativeCredentials, type NegativeCredential } from '../../src/auth/negative.js';
import type { SecurityScheme } from '../../src/spec/model.js';
import { TokenAuthority } from '../fixtures/auth/data.js';

const BEARER: SecurityScheme = { name: 'bearer', type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };
const BASIC: SecurityScheme = { name: 'basic', type: 'http', scheme: 'basic' };
const OAUTH: SecurityScheme = { name: 'oauth', type: 'oauth2' };
const KEY_HEADER: SecurityScheme = { name: 'key', type: 'apiKey', in: 'header', paramName: 'X-API-Key' };
const KEY_QUERY: SecurityScheme = { name: 'key', type: 'apiKey', in: 'query', paramName: 'api_key' };
const KEY_COOKIE: SecurityScheme = { name: 'session', type: 'apiKey', in: 'cookie', paramName: 'sid' };

const byKind = (negatives: NegativeCredential[]) => Object.fromEntries(negatives.map((n) => [n.kind, n]));
const tokenOf = (negative: NegativeCredential) => negative.credentials.headers.authorization!.replace(/^Bearer /, '');
const SECRET = new TextEncoder().encode('models-api-signing-secret-0123456789abcdef');

describe('negative credentials of a JWT bearer scheme', async () => {
  const tokens = new TokenAuthority();
  const real = await tokens.issue('acme-admin');
  const expired = await tokens.issue('acme-admin', -60);
  const negatives = await negativeCredentials(BEARER, { secret: real, expired: { token: `Bearer ${expired}`, configKey: 'identities.a.expiredToken' } });
  const kinds = byKind(negatives);

  it('derive empty, malformed, wrong scheme, tampered, alg none, foreign key and expired, in that order', () => {
    expect(negatives.map((n) => n.kind)).toEqual(['empty', 'malformed', 'wrong-scheme', 'tampered', 'alg-none', 'foreign-key', 'expired']);
    expect(kinds.empty!.credentials.headers.authorization).toBe('Bearer ');
    expect(kinds['wrong-scheme']!.credentials.headers.authorization).toMatch(/^Basic [A-Za-z0-9+/=]+$/);
    expect(tokenOf(kinds.expired!)).toBe(expired);
  });

  it('keep the original header and signature on the tampered token, with another subject', async () => {
    const tampered = tokenOf(kinds.tampered!);
    const [header, , signature] = real.split('.');
    expect(tampered.split('.')[0]).toBe(header);
    expect(tampered.split('.')[2]).toBe(signature);
    expect(decodeJwt(tampered).sub).not.toBe('acme-admin');
    expect(decodeJwt(tampered).tenant).toBe('acme');
    await expect(jwtVerify(tampered, SECRET)).rejects.toThrow();
  });

  it('make an unsigned alg:none token with the real claims, and a foreign-key signature the server cannot verify', async () => {
    const unsigned = tokenOf(kinds['alg-none']!);
    expect(decodeProtectedHeader(unsigned)).toEqual({ alg: 'none', typ: 'JWT' });
    expect(unsigned.endsWith('.')).toBe(true);
    expect(decodeJwt(unsigned)).toEqual(decodeJwt(real));
    const foreign = tokenOf(kinds['foreign-key']!);
    expect(decodeProtectedHeader(foreign).alg).toBe('HS256');
    expect(decodeJwt(foreign)).toEqual(decodeJwt(real));
    await expect(jwtVerify(foreign, SECRET)).rejects.toThrow('signature verification failed');
  });

  it('list every derived token as a secret to redact, and say what a Bearer challenge should name', () => {
    for (const kind of ['tampered', 'alg-none', 'foreign-key'] as const) expect(kinds[kind]!.secrets).toEqual([tokenOf(kinds[kind]!)]);
    expect(kinds.empty!.bearerErrors).toBeUndefined();
    expect(kinds['wrong-scheme']!.bearerErrors).toEqual([]);
    expect(kinds.malformed!.bearerErrors).toEqual(['invalid_token', 'invalid_request']);
    expect(kinds.tampered!.bearerErrors).toEqual(['invalid_token']);
  });

  it('sign a foreign token with the same asymmetric algorithm as the real one', async () => {
    const rs = `${base64url.encode(JSON.stringify({ alg: 'ES256', kid: 'k1' }))}.${base64url.encode('{"sub":"u"}')}.c2ln`;
    const foreign = tokenOf(byKind(await negativeCredentials(OAUTH, { secret: rs }))['foreign-key']!);
    expect(decodeProtectedHeader(foreign)).toEqual({ alg: 'ES256', kid: 'k1' });
  });
});

describe('negative credentials of other schemes', () => {
  it('an opaque bearer token gets an unknown token of the same shape; without any, a random one', async () => {
    const opaque = byKind(await negativeCredentials(OAUTH, { secret: 'tok_live_0123456789abcdef' }));
    expect(Object.keys(opaque)).toEqual(['empty', 'malformed', 'wrong-scheme', 'unknown']);
    const unknown = tokenOf(opaque.unknown!);
    expect(unknown).toMatch(/^tok_live_[0-9a-z]{16}$/);
    expect(unknown).not.toBe('tok_live_0123456789abcdef');
    expect(byKind(await negativeCredentials(BEARER, {})).unknown!.label).toBe('an unknown token in Authorization');
  });

  it('basic: empty, not base64 of user:password, Bearer instead, and the known user with a wrong password', async () => {
    const secret = Buffer.from('alice:s3cret').toString('base64');
    const kinds = byKind(await negativeCredentials(BASIC, { secret }));
    expect(Object.keys(kinds)).toEqual(['empty', 'malformed', 'wrong-scheme', 'unknown']);
    expect(Buffer.from(kinds.malformed!.credentials.headers.authorization!.slice(6), 'base64').toString()).not.toContain(':');
    expect(kinds['wrong-scheme']!.credentials.headers.authorization).toMatch(/^Bearer /);
    const wrong = Buffer.from(kinds.unknown!.credentials.headers.authorization!.slice(6), 'base64').toString();
    expect(wrong).toMatch(/^alice:/);
    expect(wrong).not.toBe('alice:s3cret');
  });

  it('API keys are placed where the scheme says, with an altered key of the same shape', async () => {
    const key = 'ak_acme_admin_5f2c9e1b7d3a4f60';
    const header = byKind(await negativeCredentials(KEY_HEADER, { secret: key }));
    expect(Object.keys(header)).toEqual(['empty', 'malformed', 'unknown']);
    expect(header.empty!.credentials.headers).toEqual({ 'x-api-key': '' });
    const unknown = header.unknown!.credentials.headers['x-api-key']!;
    expect(unknown).toHaveLength(key.length);
    expect(unknown.startsWith('ak_acme_admin_')).toBe(true);
    expect(header.unknown!.secrets).toEqual([unknown]);
    expect((await negativeCredentials(KEY_QUERY, { secret: key }))[2]!.credentials.query.api_key).toHaveLength(key.length);
    expect((await negativeCredentials(KEY_COOKIE, { secret: 'abc123' }))[0]!.credentials.headers.cookie).toBe('sid=');
    expect((await negativeCredentials(KEY_COOKIE, {}))[1]!.label).toBe('a malformed API key in the sid cookie');
  });

  it('mutual TLS has none', async () => {
    expect(await negativeCredentials({ name: 'mtls', type: 'mutualTLS' }, {})).toEqual([]);
  });
});

describe('secretForScheme reads back what credentialsForScheme placed', () => {
  it.each([
    [BEARER, { headers: { authorization: 'Bearer abc.def.ghi' }, query: {} }, 'abc.def.ghi'],
    [BEARER, { headers: { authorization: 'Basic abc' }, query: {} }, undefined],
    [BASIC, { headers: { authorization: 'Basic YTpi' }, query: {} }, 'YTpi'],
    [KEY_HEADER, { headers: { 'x-api-key': 'k1' }, query: {} }, 'k1'],
    [KEY_QUERY, { headers: {}, query: { api_key: 'k2' } }, 'k2'],
    [KEY_COOKIE, { headers: { cookie: 'theme=dark; sid=s=1' }, query: {} }, 's=1'],
  ])('%#', (scheme, credentials, expected) => {
    expect(secretForScheme(scheme, credentials)).toBe(expected);
  });
});

describe('alter', () => {
  it('keeps length, prefix, separators and character classes, and always changes the value', () => {
    for (const value of ['ak_live_abcDEF123', 'x', '----', '0000-aaaa']) {
      const altered = alter(value);
      expect(altered).not.toBe(value);
      if (value.length > 1 && /[a-z0-9]/i.test(value)) {
        expect(altered).toHaveLength(value.length);
        expect(altered.replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A').replace(/\d/g, '0')).toBe(value.replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A').replace(/\d/g, '0'));
      }
    }
  });
});
