import express from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { credentialCoverage, preferCovering } from '../../src/auth/coverage.js';
import type { Identity } from '../../src/auth/identity.js';
import { documentedResponse } from '../../src/checks/paths/documented.js';
import { parseConfig } from '../../src/config/load.js';
import type { Exchange, HttpClient, OutgoingRequest } from '../../src/http/exchange.js';
import { alignServerPath } from '../../src/run/server-path.js';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiSpec, Operation } from '../../src/spec/model.js';
import { resultsOf, runAgainst } from '../helpers/contract.js';
import { ATLAS_SPEC, atlasConfig } from '../fixtures/blind/atlas/config.js';
import { LEDGER_SPEC } from '../fixtures/blind/ledger/config.js';

// The general rules behind the fixes the blind evaluation led to, each on its own.

let atlas: ApiSpec;
let ledger: ApiSpec;
const op = (spec: ApiSpec, key: string): Operation => spec.operations.find((o) => o.key === key)!;
beforeAll(async () => {
  [atlas, ledger] = await Promise.all([loadSpec(ATLAS_SPEC), loadSpec(LEDGER_SPEC)]);
});

describe('a base URL that already ends with the server path', () => {
  const recorder = (baseUrl: string) => {
    const paths: string[] = [];
    const client: HttpClient = {
      baseUrl,
      send: async (request: OutgoingRequest): Promise<Exchange> => {
        paths.push(request.path);
        return { request: { ...request, url: `${baseUrl}${request.path}` }, response: { status: 200, headers: {}, body: '', truncated: false }, durationMs: 0 };
      },
      close: async () => {},
    };
    return { client, paths };
  };

  it('gets the server path once, and exchanges keep the document path with the real URL', async () => {
    const { client, paths } = recorder('http://127.0.0.1:8000/v2');
    const exchange = await alignServerPath(client, atlas).send({ method: 'GET', path: '/v2/orgs/x?limit=1', headers: {} });
    expect(paths).toEqual(['/orgs/x?limit=1']);
    expect(exchange.request).toMatchObject({ path: '/v2/orgs/x?limit=1', url: 'http://127.0.0.1:8000/v2/orgs/x?limit=1' });
  });

  it('keeps a mount point in front of the server path, and a base URL without a path, as they are', async () => {
    for (const base of ['http://127.0.0.1:8000', 'http://127.0.0.1:8000/gateway', 'http://127.0.0.1:8000/v2x']) {
      const { client, paths } = recorder(base);
      await alignServerPath(client, atlas).send({ method: 'GET', path: '/v2/health', headers: {} });
      expect(paths, base).toEqual(['/v2/health']);
    }
    const { client, paths } = recorder('http://127.0.0.1:8000/gateway/v2/');
    await alignServerPath(client, atlas).send({ method: 'GET', path: '/v2/health', headers: {} });
    expect(paths).toEqual(['/health']);
  });
});

describe('which credentials an operation accepts', () => {
  const identity = (name: string, config: Record<string, unknown>): Identity => ({
    name,
    tenant: 'acme',
    role: 'member',
    config: parseConfig({ identities: { [name]: config } }, 'test').identities[name]!,
    credentials: async () => ({ headers: {}, query: {} }),
    answered: async () => false,
  });
  const cookie = identity('cookie', { cookies: { atlas_session: 's' } });
  const bearer = identity('bearer', { headers: { Authorization: 'Bearer t' } });
  const custom = identity('custom', { headers: { 'X-Internal-Auth': 'k' } });

  it('knows a cookie does not open an operation that takes a bearer token or an API key', () => {
    const audit = op(atlas, 'GET /orgs/{org_id}/audit-events');
    expect(credentialCoverage(cookie, audit, atlas.securitySchemes)).toBe('no');
    expect(credentialCoverage(bearer, audit, atlas.securitySchemes)).toBe('yes');
    expect(credentialCoverage(cookie, op(atlas, 'GET /orgs/{org_id}'), atlas.securitySchemes)).toBe('yes');
    expect(credentialCoverage(cookie, op(atlas, 'GET /health'), atlas.securitySchemes)).toBe('yes');
  });

  it('says nothing about credentials that fill no declared scheme, and never leaves no identity to choose', () => {
    const audit = op(atlas, 'GET /orgs/{org_id}/audit-events');
    expect(credentialCoverage(custom, audit, atlas.securitySchemes)).toBe('unknown');
    expect(preferCovering([cookie, custom, bearer], audit, atlas.securitySchemes).map((i) => i.name)).toEqual(['custom', 'bearer']);
    expect(preferCovering([cookie], audit, atlas.securitySchemes).map((i) => i.name)).toEqual(['cookie']);
  });

  it('counts a login flow as the Bearer credential it yields', () => {
    const login = identity('login', { login: { operation: 'POST /login', body: {} } });
    expect(credentialCoverage(login, op(atlas, 'GET /orgs/{org_id}/audit-events'), atlas.securitySchemes)).toBe('yes');
    expect(atlasConfig().identities!['acme-member']).toMatchObject({ cookies: { atlas_session: expect.any(String) } });
  });
});

describe('default documents the errors once an operation lists its successes', () => {
  it('leaves an unlisted 2xx undocumented, and still covers errors and operations that only have default', () => {
    const search = op(ledger, 'POST /api/items/search/');
    expect(documentedResponse(search, 200)?.status).toBe('200');
    expect(documentedResponse(search, 201)).toBeUndefined();
    expect(documentedResponse(search, 404)?.status).toBe('default');
    const onlyDefault = { ...search, responses: search.responses.filter((r) => r.status === 'default') };
    expect(documentedResponse(onlyDefault, 201)?.status).toBe('default');
  });
});

describe('an unexpected 429 is never another check’s finding', () => {
  it('auth.public-open does not call a login an authentication wall when the comparison request is throttled', async () => {
    // A login that refuses the sampled password, and throttles (honestly, Retry-After: 1) every request with credentials.
    const app = express();
    app.post('/api/auth/login/', express.json(), (req, res) => {
      if (req.get('authorization')) return void res.status(429).set('Retry-After', '1').json({ error: { code: 'throttled', message: 'slow down' } });
      res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: { code: 'authentication_failed', message: 'No active account found' } });
    });
    const report = await runAgainst({
      spec: LEDGER_SPEC,
      app,
      config: { identities: { someone: { tenant: 'acme', role: 'admin', headers: { Authorization: 'Bearer x' } } } },
      selection: { checks: ['auth.public-open'] },
      allowDestructive: true,
      maxWaitSeconds: 1,
    });
    const [result] = resultsOf(report, 'auth.public-open').filter((r) => r.operation === 'POST /api/auth/login/');
    expect(result).toMatchObject({ outcome: 'skip' });
    expect(result!.message).toContain("the same request with someone's credentials, to tell a refused body from an authentication wall, got 429");
  }, 15_000);
});
