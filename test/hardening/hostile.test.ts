import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileServers, type Hostility } from '../fixtures/hostile/servers.js';
import { listen, type Running } from '../http/servers.js';
import { readReport, STACK_TRACE, startMeasured, workspace, type Workspace } from './gate.js';

const SUITES = 'paths,auth,tenancy,throttle,errors';
const TIMEOUT_MS = 1000;
/** Bounds of one `specgate run` child, start-up included, with other runs sharing two cores. */
const BOUNDS = { wallMs: 30_000, runMs: 15_000, peakRssMiB: 320 };

/** What the report must say, somewhere in its results, about each server. */
const SAYS: Record<Hostility, RegExp> = {
  'never answers': new RegExp(`timeout: no response from http://127\\.0\\.0\\.1:\\d+ within ${TIMEOUT_MS} ms`),
  'stalls after the headers': new RegExp(`timeout: the response body from http://127\\.0\\.0\\.1:\\d+ was not complete within ${TIMEOUT_MS} ms`),
  'sends 1 GiB': /…\(truncated\)/,
  'sends invalid JSON': /says application\/json but the body is not valid JSON/,
  'sends invalid UTF-8': /\uFFFD/,
  'resets connections': /connection reset: http:\/\/127\.0\.0\.1:\d+ closed the connection/,
  'redirects in a loop': /answered 302/,
  'redirects to another host': /answered 307/,
  'sends 10,000 headers': /response headers from http:\/\/127\.0\.0\.1:\d+ are larger than the \d+-byte limit/,
  'closes after every response': /without credentials answered 200/,
  'answers 200 to everything': /without credentials answered 200/,
  'answers 500 to everything': /answered 500/,
};

let elsewhere: Running;
const contacted: string[] = [];
let ws: Workspace;
beforeAll(async () => {
  elsewhere = await listen((req, res) => {
    contacted.push(`${req.method} ${req.url}`);
    res.end();
  }, '127.0.0.2');
  ws = await workspace(elsewhere.origin);
});
afterAll(async () => {
  await elsewhere.close();
  await ws.remove();
});

describe.concurrent('a full run against a hostile server finishes within its bounds and says what happened', () => {
  test.each(Object.keys(SAYS) as Hostility[])('%s', async (hostility) => {
    const server = await listen(hostileServers(elsewhere.origin)[hostility]);
    const file = (ext: string) => path.join(ws.dir, `${hostility.replace(/\W+/g, '-')}.${ext}`);
    try {
      const args = ['run', '--config', ws.config, '--base-url', server.origin, '--suite', SUITES, '--timeout', String(TIMEOUT_MS), '--max-wait', '1', '--json', file('json')];
      const run = await startMeasured(args, ws.env, file('rss')).measured;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const report = await readReport(file('json'));
      expect(JSON.stringify(report.results)).toMatch(SAYS[hostility]);
      for (const result of report.results.filter((r) => r.outcome === 'error')) expect(result.message).toMatch(/^[^\n]{20,}/);
      expect(run.ms).toBeLessThan(BOUNDS.wallMs);
      expect(report.summary.durationMs).toBeLessThan(BOUNDS.runMs);
      expect(run.peakRssMiB).toBeLessThan(BOUNDS.peakRssMiB);
    } finally {
      await server.close();
    }
  });
});

describe.concurrent('discovering the spec from a hostile server ends with exit 2, the URL and why, within the bounds', () => {
  test.each([
    ['never answers', /openapi\.json: failed \(no complete answer within 1000 ms\)/],
    ['sends 1 GiB', /openapi\.json: failed \((the answer is larger than 64 MiB|no complete answer within 1000 ms)\)/],
    ['redirects to another host', /openapi\.json: answered 307/],
  ] as const)('%s', async (hostility, says) => {
    const server = await listen(hostileServers(elsewhere.origin)[hostility]);
    try {
      const rss = path.join(ws.dir, `discovery-${hostility.replace(/\W+/g, '-')}.rss`);
      const run = await startMeasured(['run', '--base-url', server.origin, '--timeout', String(TIMEOUT_MS)], {}, rss).measured;
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.ms).toBeLessThan(BOUNDS.wallMs);
      expect(run.peakRssMiB).toBeLessThan(BOUNDS.peakRssMiB);
    } finally {
      await server.close();
    }
  });
});

test("the spec's servers host, which the redirects also point to, received nothing", () => {
  expect(contacted).toEqual([]);
});
