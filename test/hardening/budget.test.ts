import { afterAll, beforeAll, expect, test } from 'vitest';
import { hostileConfig } from '../fixtures/hostile/config.js';
import { hostileServers } from '../fixtures/hostile/servers.js';
import { runAgainst } from '../helpers/contract.js';
import { PLAIN, workspace, type Workspace } from './gate.js';

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace('http://127.0.0.2:9');
  Object.assign(process.env, ws.env);
});
afterAll(() => ws.remove());

test.each([1, 7, 25])('safety.maxRequests %i: the API receives at most that many requests; the checks it starves say so', async (maxRequests) => {
  let received = 0;
  const answer = hostileServers('')['answers 200 to everything'];
  const config = { ...hostileConfig(ws.spec, PLAIN), safety: { maxRequests }, concurrency: 8 };
  const report = await runAgainst({
    spec: ws.spec,
    app: (req, res) => {
      received++;
      answer(req, res);
    },
    config,
    selection: { suites: ['paths', 'auth', 'tenancy', 'throttle', 'errors'] },
    allowDestructive: true,
    maxWaitSeconds: 1,
  });
  expect(received).toBeLessThanOrEqual(maxRequests);
  expect(report.summary.requests).toBe(received);
  const starved = report.results.filter((r) => r.outcome === 'error' && r.message.includes(`safety.maxRequests allows ${maxRequests} requests`));
  expect(starved.length).toBeGreaterThan(0);
  expect(starved.every((r) => r.hint?.includes('raise safety.maxRequests'))).toBe(true);
});
