import type { IdentityConfig } from '../config/schema.js';
import { SpecgateError } from '../errors.js';
import { jsonBody, type Exchange, type OutgoingRequest } from '../http/exchange.js';
import type { ApiSpec } from '../spec/model.js';
import type { LoginFlow, Token } from './identity.js';
import { readPointer } from './json-pointer.js';
import { jwtExpiry } from './jwt.js';

interface Sender {
  send(request: OutgoingRequest): Promise<Exchange>;
}

interface SecretSink {
  addSecret(secret: string): void;
}

type LoginConfig = NonNullable<IdentityConfig['login']>;

/**
 * Logs identities in through their token operation. Renewing a token uses the refresh operation when one is
 * configured and a refresh token was issued, and logs in again when there is none or it is refused.
 */
export function createLoginFlow(spec: ApiSpec, sender: Sender, secrets: SecretSink): LoginFlow {
  const tokenFrom = (name: string, login: LoginConfig, exchange: Exchange, pointer: string, previous?: Token): Token => {
    const body = jsonBody(exchange.response);
    const token = readPointer(body, pointer);
    if (typeof token !== 'string' || token === '') {
      throw new SpecgateError('SPECGATE_TRANSPORT', `${exchange.request.method} ${exchange.request.path} for identity "${name}" answered ${exchange.response?.status} without a token at ${pointer}`, {
        hint: `set identities.${name}.login.token (or login.refresh.token) to the JSON pointer of the token in the response`,
      });
    }
    secrets.addSecret(token);
    const refresh = login.refreshToken ? readPointer(body, login.refreshToken) : undefined;
    if (typeof refresh === 'string') secrets.addSecret(refresh);
    const value = login.scheme === '' ? token : `${login.scheme} ${token}`;
    return {
      credentials: { headers: { [login.header.toLowerCase()]: value }, query: {} },
      expiresAt: jwtExpiry(token) ?? expiresIn(body, pointer),
      refreshToken: typeof refresh === 'string' ? refresh : previous?.refreshToken,
    };
  };

  const refresh = async (name: string, login: LoginConfig, previous: Token): Promise<Token | undefined> => {
    const operation = login.refresh!;
    const field = lastSegment(login.refreshToken!);
    const body = { ...(isObject(operation.body) ? operation.body : {}), [field]: previous.refreshToken };
    const exchange = await sender.send(tokenRequest(spec, operation.operation, body));
    if (!succeeded(exchange)) return undefined;
    return tokenFrom(name, login, exchange, operation.token ?? login.token, previous);
  };

  return async (name, identity, previous) => {
    const login = identity.login!;
    if (previous?.refreshToken && login.refresh) {
      const renewed = await refresh(name, login, previous);
      if (renewed) return renewed;
    }
    const exchange = await sender.send(tokenRequest(spec, login.operation, login.body, login.headers));
    if (!succeeded(exchange)) {
      throw new SpecgateError('SPECGATE_TRANSPORT', `login of identity "${name}" via ${login.operation} failed: ${exchange.error ?? `HTTP ${exchange.response?.status}`}`, {
        hint: `check identities.${name}.login (operation, body) against the API`,
      });
    }
    return tokenFrom(name, login, exchange, login.token);
  };
}

function tokenRequest(spec: ApiSpec, key: string, body: unknown, headers: Record<string, string> = {}): OutgoingRequest {
  const [method = 'POST', ...rest] = key.split(' ');
  const path = rest.join(' ');
  const operation = spec.operations.find((op) => op.key === `${method.toUpperCase()} ${path}`);
  const prefix = operation ? operation.serverPath.replace(/\/+$/, '') : '';
  return {
    method: method.toUpperCase(),
    path: `${prefix}${path}`,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

function succeeded(exchange: Exchange): boolean {
  const status = exchange.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

/** `expires_in` (RFC 6749 §5.1, seconds) next to the token in the response, as epoch milliseconds. */
function expiresIn(body: unknown, tokenPointer: string): number | undefined {
  const seconds = readPointer(body, `${tokenPointer.slice(0, tokenPointer.lastIndexOf('/'))}/expires_in`);
  return typeof seconds === 'number' && seconds > 0 ? Date.now() + seconds * 1000 : undefined;
}

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
