import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileConfig } from '../fixtures/hostile/config.js';
import { hostileServers } from '../fixtures/hostile/servers.js';
import { runAgainst } from '../helpers/contract.js';
import { PLAIN, workspace, type Workspace } from './gate.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN = 'POST /api/auth/token';

/** Answers 200 to everything (so every check goes as far as it can) and records `METHOD /path` of each request. */
function recording(seen: string[]): RequestListener {
  const answer = hostileServers('')['answers 200 to everything'];
  return (req, res) => {
    seen.push(`${req.method} ${req.url?.split('?')[0]}`);
    answer(req, res);
  };
}

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace('http://127.0.0.2:9');
  Object.assign(process.env, ws.env);
});
afterAll(() => ws.remove());

describe.concurrent('destructive methods are sent only when allowed', () => {
  test('by default every suite sends safe methods only, and the configured login', async () => {
    const seen: string[] = [];
    await runAgainst({ spec: ws.spec, app: recording(seen), config: hostileConfig(ws.spec, PLAIN), maxWaitSeconds: 1 });
    expect(seen.length).toBeGreaterThan(20);
    expect([...new Set(seen.filter((request) => !SAFE.has(request.split(' ')[0]!)))]).toEqual([LOGIN]);
  });

  test('--allow-destructive lets them through', async () => {
    const seen: string[] = [];
    await runAgainst({ spec: ws.spec, app: recording(seen), config: hostileConfig(ws.spec, PLAIN), allowDestructive: true, maxWaitSeconds: 1 });
    expect(seen).toContain('DELETE /api/models/m-acme-1');
  });
});
