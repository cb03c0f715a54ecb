import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileDocument } from '../fixtures/hostile/openapi.js';
import { hostileServers } from '../fixtures/hostile/servers.js';
import { listen, type Running } from '../http/servers.js';
import { readReport, startMeasured, workspace, type Workspace } from './gate.js';

/** A listener on 127.0.0.2, the host of the spec's `servers`: it serves the spec and notes every request. */
async function elsewhere(): Promise<Running & { contacted: string[]; document: string }> {
  const contacted: string[] = [];
  let document = '';
  const running = await listen((req, res) => {
    contacted.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(document);
  }, '127.0.0.2');
  document = JSON.stringify(hostileDocument(running.origin));
  return { ...running, contacted, document };
}

/** The API under test: serves the spec at /openapi.json and answers 200 to everything else. */
function api(document: string): Promise<Running> {
  const answer = hostileServers('')['answers 200 to everything'];
  return listen((req, res) => (req.url === '/openapi.json' ? res.writeHead(200, { 'content-type': 'application/json' }).end(document) : answer(req, res)));
}

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace('http://127.0.0.2:9');
});
afterAll(() => ws.remove());

/** The workspace config without `spec`, with `extra` keys, written to NAME. */
async function config(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { spec: _spec, ...rest } = JSON.parse(await readFile(ws.config, 'utf8')) as Record<string, unknown>;
  const file = path.join(ws.dir, name);
  await writeFile(file, JSON.stringify({ ...rest, ...extra }));
  return file;
}

describe.concurrent('only the base URL host, and the hosts safety.allowHosts names, are contacted', () => {
  test("a run of every suite with the spec discovered from the base URL never contacts the host of the spec's servers", async () => {
    const trap = await elsewhere();
    const target = await api(trap.document);
    try {
      const json = path.join(ws.dir, 'discovered.json');
      const args = ['run', '--config', await config('discovering.json'), '--base-url', target.origin, '--suite', 'paths,auth,tenancy,throttle,errors', '--allow-destructive', '--max-wait', '1', '--json', json];
      const run = await startMeasured(args, ws.env, path.join(ws.dir, 'discovered.rss')).measured;
      expect(run.code).toBe(1);
      const report = await readReport(json);
      expect(report.spec.title).toBe('Hostile');
      expect(report.summary.requests).toBeGreaterThan(20);
      expect(trap.contacted).toEqual([]);
    } finally {
      await Promise.all([trap.close(), target.close()]);
    }
  });

  test.each([
    ['is refused when its host is not allowed', [], 2, []],
    ['is fetched when safety.allowHosts names its host', ['127.0.0.2'], 0, ['GET /openapi.json']],
  ] as const)('a --spec URL on another host %s', async (_, allowHosts, code, fetched) => {
    const trap = await elsewhere();
    const target = await api(trap.document);
    try {
      const file = await config(`allow-${allowHosts.length}.json`, { safety: { allowHosts } });
      const args = ['run', '--config', file, '--base-url', target.origin, '--spec', `${trap.origin}/openapi.json`, '--check', 'paths.resolves'];
      const run = await startMeasured(args, ws.env, path.join(ws.dir, `allow-${allowHosts.length}.rss`)).measured;
      expect(run.code).toBe(code);
      if (code === 2) expect(run.stderr).toContain(`${trap.origin} is not the base URL's host nor in safety.allowHosts`);
      expect(trap.contacted).toEqual(fetched);
    } finally {
      await Promise.all([trap.close(), target.close()]);
    }
  });
});
