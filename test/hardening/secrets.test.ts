import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Credentials } from '../fixtures/hostile/config.js';
import { leakyServer, type ServerSecrets } from '../fixtures/hostile/leaky.js';
import { listen, type Running } from '../http/servers.js';
import { readReport, startMeasured, workspace, type Workspace } from './gate.js';

/** A secret no output may show, not even in part: `cnry<what><24 hex>`. */
const canary = (what: string) => `cnry${what}${randomBytes(12).toString('hex')}`;

const credentials: Credentials = { bearer: canary('bearer'), tenantKey: canary('hdrkey'), sig: canary('qrykey'), tokenEnv: 'SPECGATE_CANARY_TOKEN', password: canary('passwd'), cookie: canary('cookie') };
const viewerToken = canary('envtok');
/** Sent on every request through config `headers`, from the environment. */
const deployToken = canary('deploy');
const serverSecrets: ServerSecrets = { loginToken: canary('login'), session: canary('session') };
const CANARIES = [...Object.values(credentials).filter((value) => value.startsWith('cnry')), viewerToken, deployToken, ...Object.values(serverSecrets)];

/** The canaries of which `text` holds any 10 consecutive characters (an altered token keeps the first half). */
function leaked(text: string): string[] {
  return CANARIES.filter((secret) => Array.from({ length: secret.length - 9 }, (_, i) => secret.slice(i, i + 10)).some((part) => text.includes(part)));
}

/** What the API was sent: every credential went out, and came back in its answers. */
const received: string[] = [];
let ws: Workspace;
let api: Running;
beforeAll(async () => {
  const leaky = leakyServer(serverSecrets);
  const recording: RequestListener = (req, res) => {
    received.push(`${req.url} ${JSON.stringify(req.headers)}`);
    leaky(req, res);
  };
  [ws, api] = await Promise.all([workspace('http://127.0.0.2:9', credentials, viewerToken), listen(recording)]);
  const config = JSON.parse(await readFile(ws.config, 'utf8')) as Record<string, unknown>;
  await writeFile(ws.config, JSON.stringify({ ...config, headers: { 'X-Deploy-Token': '${SPECGATE_CANARY_DEPLOY}' } }));
  ws.env.SPECGATE_CANARY_DEPLOY = deployToken;
});
afterAll(async () => {
  await api.close();
  await ws.remove();
});

describe.concurrent('no canary reaches any output', () => {
  test('a failing run of every suite: console, JSON, JUnit, HTML, GitHub annotations and job summary, debug stderr', async () => {
    const file = (name: string) => path.join(ws.dir, name);
    const args = ['run', '--config', ws.config, '--base-url', api.origin, '--suite', 'paths,auth,tenancy,throttle,errors', '--allow-destructive', '--verbose', '--max-wait', '1'];
    const reporters = ['--reporter', 'console,github', '--json', file('report.json'), '--junit', file('report.xml'), '--html', file('report.html')];
    const env = { ...ws.env, SPECGATE_DEBUG: '1', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file('summary.md') };
    const run = await startMeasured([...args, ...reporters], env, file('run.rss')).measured;
    expect(run.code).toBe(1);
    const report = await readReport(file('report.json'));
    const failing = new Set(report.results.filter((r) => r.outcome === 'fail').map((r) => r.check.split('.')[0]));
    expect([...failing].sort()).toEqual(['auth', 'errors', 'paths', 'tenancy', 'throttle']);
    expect(JSON.stringify(report.results)).toContain('cannot render');
    expect(leaked(received.join('\n')).sort()).toEqual([credentials.bearer, credentials.tenantKey, credentials.sig, credentials.cookie, viewerToken, deployToken, serverSecrets.loginToken].sort());
    const outputs = { stdout: run.stdout, stderr: run.stderr, ...Object.fromEntries(await Promise.all(['report.json', 'report.xml', 'report.html', 'summary.md'].map(async (name) => [name, await readFile(file(name), 'utf8')]))) };
    for (const [name, text] of Object.entries(outputs)) expect({ [name]: leaked(text as string) }).toEqual({ [name]: [] });
  });

  test('an invalid config holding every canary: the error names the keys, never the values', async () => {
    const config = JSON.parse(await readFile(ws.config, 'utf8')) as { identities: Record<string, Record<string, unknown>> };
    config.identities['acme-admin']!.expiredToken = 42;
    config.identities['acme-viewer']!.token = credentials.bearer;
    const invalid = path.join(ws.dir, 'invalid.config.json');
    await writeFile(invalid, JSON.stringify(config));
    const run = await startMeasured(['run', '--config', invalid, '--base-url', api.origin], { ...ws.env, SPECGATE_DEBUG: '1' }, path.join(ws.dir, 'invalid.rss')).measured;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('identities.acme-admin.expiredToken');
    expect(run.stderr).toContain('identities.acme-viewer');
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });
});
