import { randomBytes } from 'node:crypto';
import { base64url, CompactSign, decodeJwt, decodeProtectedHeader, generateKeyPair, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { alter } from './alter.js';

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^(EdDSA|Ed25519)$/;

/** The claims of a compact JWS JWT, or undefined when the token is not one. */
export function jwtClaims(token: string): JWTPayload | undefined {
  if (token.split('.').length !== 3) return undefined;
  try {
    return typeof decodeProtectedHeader(token).alg === 'string' ? decodeJwt(token) : undefined;
  } catch {
    return undefined;
  }
}

/** Expiry of a JWT in epoch milliseconds, from its `exp` claim. */
export function jwtExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

/** The token with its subject changed and the original header and signature kept. */
export function tamperedJwt(token: string): string {
  const [header, , signature] = token.split('.');
  const claims = decodeJwt(token);
  const sub = claims.sub === undefined ? 'specgate-tampered' : alter(String(claims.sub));
  return `${header}.${base64url.encode(JSON.stringify({ ...claims, sub }))}.${signature}`;
}

/** The token's claims unchanged, under an `alg: none` header and without a signature (RFC 7519 §6). */
export function unsignedJwt(token: string): string {
  const { typ } = decodeProtectedHeader(token);
  const header = { alg: 'none', typ: typ ?? 'JWT' };
  return `${base64url.encode(JSON.stringify(header))}.${token.split('.')[1]}.`;
}

/** The token's claims and header (alg, typ, kid) signed with a key the server has never seen. */
export async function foreignKeyJwt(token: string): Promise<string> {
  const original = decodeProtectedHeader(token);
  const alg = typeof original.alg === 'string' && (ASYMMETRIC.test(original.alg) || /^HS(256|384|512)$/.test(original.alg)) ? original.alg : 'HS256';
  const header: ProtectedHeaderParameters & { alg: string } = { alg };
  if (original.typ) header.typ = original.typ;
  if (original.kid) header.kid = original.kid;
  const key = ASYMMETRIC.test(alg) ? (await generateKeyPair(alg, { extractable: false })).privateKey : new Uint8Array(randomBytes(64));
  return new CompactSign(base64url.decode(token.split('.')[1]!)).setProtectedHeader(header).sign(key);
}
