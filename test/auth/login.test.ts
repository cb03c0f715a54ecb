import { afterEach, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/checks/check.js';
import { parseConfig } from '../../src/config/load.js';
import { createClient } from '../../src/http/client.js';
import type { HttpClient } from '../../src/http/exchange.js';
import { prepareRun } from '../../src/run/prepare.js';
import { loadSpec } from '../../src/spec/load.js';
import { BEARER_SPEC } from '../fixtures/auth/config.js';
import { TokenAuthority } from '../fixtures/auth/data.js';
import { modelsExpress } from '../fixtures/auth/models-express.js';

const LOGIN = {
  operation: 'POST /auth/token',
  body: { username: 'globex-admin', password: 'globex-admin-pw' },
  token: '/access',
  refreshToken: '/refresh',
  refresh: { operation: 'POST /auth/refresh' },
};
const MODELS = { method: 'GET', path: '/api/models', headers: { accept: 'application/json' } };

let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

/** A run context against the real Models API, with one login identity; requests go through the engine. */
async function session(tokens: TokenAuthority, login: Record<string, unknown> = LOGIN): Promise<CheckContext> {
  client = await createClient(modelsExpress('correct', tokens), { timeoutMs: 5_000 });
  const config = parseConfig({ identities: { globex: { tenant: 'globex', login } } }, 'test config');
  return prepareRun({ spec: await loadSpec(BEARER_SPEC), config, client }).context();
}

describe('login flows', () => {
  it('log in once per run and share the token between concurrent requests', async () => {
    const tokens = new TokenAuthority();
    const ctx = await session(tokens);
    const identity = ctx.identities[0]!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => ctx.send(MODELS, { identity })));
    expect(answers.map((a) => a.response?.status)).toEqual([200, 200, 200, 200, 200]);
    expect(tokens.logins).toBe(1);
    expect((await identity.credentials()).headers.authorization).toMatch(/^Bearer eyJ/);
  });

  it('after a 401 that follows a success, refresh the token and repeat the request once', async () => {
    const tokens = new TokenAuthority();
    const ctx = await session(tokens);
    const identity = ctx.identities[0]!;
    expect((await ctx.send(MODELS, { identity })).response?.status).toBe(200);
    tokens.revokeAll();
    expect((await ctx.send(MODELS, { identity })).response?.status).toBe(200);
    expect([tokens.logins, tokens.refreshes]).toEqual([1, 1]);
  });

  it('log in again when the refresh token is refused', async () => {
    const tokens = new TokenAuthority();
    const ctx = await session(tokens);
    const identity = ctx.identities[0]!;
    await ctx.send(MODELS, { identity });
    tokens.revokeAll();
    tokens.forgetRefreshTokens();
    expect((await ctx.send(MODELS, { identity })).response?.status).toBe(200);
    expect([tokens.logins, tokens.refreshes]).toEqual([2, 1]);
  });

  it('log in again, without a refresh operation, after a 401 that follows a success', async () => {
    const tokens = new TokenAuthority();
    const ctx = await session(tokens, { operation: LOGIN.operation, body: LOGIN.body, token: '/access' });
    const identity = ctx.identities[0]!;
    await ctx.send(MODELS, { identity });
    tokens.revokeAll();
    expect((await ctx.send(MODELS, { identity })).response?.status).toBe(200);
    expect([tokens.logins, tokens.refreshes]).toEqual([2, 0]);
  });

  it('renew a token before it expires (JWT exp) through the refresh operation', async () => {
    const tokens = new TokenAuthority();
    tokens.accessTtlSeconds = 5;
    const ctx = await session(tokens);
    const identity = ctx.identities[0]!;
    const first = (await identity.credentials()).headers.authorization;
    const second = (await identity.credentials()).headers.authorization;
    expect(second).not.toBe(first);
    expect([tokens.logins, tokens.refreshes]).toEqual([1, 1]);
  });

  it('stop renewing when a renewed token is refused at once: that 401 is about the request, not expiry', async () => {
    const tokens = new TokenAuthority();
    const ctx = await session(tokens);
    const identity = ctx.identities[0]!;
    await ctx.send(MODELS, { identity });
    // A refresh with an unknown refresh token answers 401 whatever the Authorization; each call counts as a refresh.
    const refused = { method: 'POST', path: '/api/auth/refresh', headers: { 'content-type': 'application/json' }, body: '{"refresh":"nope"}' };
    expect((await ctx.send(refused, { identity })).response?.status).toBe(401);
    expect(tokens.refreshes).toBe(3); // the request, the renewal, the repeated request
    expect((await ctx.send(refused, { identity })).response?.status).toBe(401);
    expect((await ctx.send(refused, { identity })).response?.status).toBe(401);
    expect(tokens.refreshes).toBe(5); // no more renewals
    expect(tokens.logins).toBe(1);
  });

  it('fail with the identity when the login is refused, and never retry a refused password in the same run', async () => {
    const tokens = new TokenAuthority();
    const ctx = await session(tokens, { ...LOGIN, body: { username: 'globex-admin', password: 'wrong' } });
    await expect(ctx.send(MODELS, { identity: ctx.identities[0]! })).rejects.toThrow('login of identity "globex" via POST /auth/token failed: HTTP 401');
    await expect(ctx.send(MODELS, { identity: ctx.identities[0]! })).rejects.toThrow('HTTP 401');
    expect(tokens.logins).toBe(1);
  });

  it('reject a refresh operation without a refresh token pointer in the config', () => {
    expect(() => parseConfig({ identities: { a: { login: { operation: 'POST /t', refresh: { operation: 'POST /r' } } } } }, 'cfg')).toThrow(/identities\.a\.login\.refreshToken: login\.refresh needs login\.refreshToken/);
  });
});
