import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { BEARER_SPEC } from '../fixtures/auth/config.js';
import { FIXTURES, TokenAuthority } from '../fixtures/auth/data.js';
import { modelsExpress, type ModelsFault } from '../fixtures/auth/models-express.js';

const run = promisify(execFile);
const MAIN = path.resolve('src/cli/main.ts');

let dir: string;
let token: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'specgate-cli-auth-'));
  const tokens = new TokenAuthority();
  token = await tokens.issue('acme-admin');
  const config = {
    spec: path.resolve(BEARER_SPEC),
    identities: {
      'acme-admin': { tenant: 'acme', role: 'admin', credentials: { bearer: '${ACME_TOKEN}' } },
      'globex-admin': { tenant: 'globex', role: 'admin', login: { operation: 'POST /auth/token', body: { username: 'globex-admin', password: 'globex-admin-pw' }, token: '/access' } },
    },
    fixtures: FIXTURES,
  };
  await writeFile(path.join(dir, 'specgate.config.json'), JSON.stringify(config));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `specgate run --suite auth,tenancy` in a child process against the fixture served on 127.0.0.1. */
async function gate(fault: ModelsFault): Promise<{ code: number; stdout: string; report: Report }> {
  const server: Server = createServer(modelsExpress(fault));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const json = path.join(dir, `${fault}.json`);
  const config = path.join(dir, 'specgate.config.json');
  const args = ['--import', 'tsx', MAIN, 'run', '--config', config, '--base-url', `http://127.0.0.1:${(server.address() as AddressInfo).port}`, '--suite', 'auth,tenancy', '--json', json];
  try {
    const result = await run(process.execPath, args, { env: { ...process.env, ACME_TOKEN: token, NO_COLOR: '1' } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    return { ...result, report: JSON.parse(await readFile(json, 'utf8')) as Report };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe.concurrent('specgate run --suite auth,tenancy', () => {
  it('exits 0 on the correct API', async () => {
    const { code, report } = await gate('correct');
    expect(report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('exits 1 on an API that accepts alg:none, and the finding says what was sent, what came back, what was expected and why — redacted', async () => {
    const { code, stdout, report } = await gate('alg-none-accepted');
    expect(code).toBe(1);
    const finding = report.results.find((r) => r.check === 'auth.invalid-credentials' && r.operation === 'GET /models/{model_id}' && r.outcome === 'fail')!;
    expect(finding.message).toBe(
      'GET /api/models/m-acme-1 with an unsigned JWT (alg: none) in Authorization answered 200; expected 401 Unauthorized — unsigned tokens are accepted: the verifier does not pin the signature algorithm (RFC 8725 §3.1) (OWASP API2:2023 Broken Authentication)',
    );
    expect(finding.severity).toBe('critical');
    expect(finding.evidence?.request.headers.authorization).toBe('Bearer ***');
    expect(stdout).toContain('with an unsigned JWT (alg: none) in Authorization answered 200');
    for (const text of [stdout, JSON.stringify(report)]) {
      expect(text).not.toContain(token);
      expect(text).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}/);
    }
  });
});
