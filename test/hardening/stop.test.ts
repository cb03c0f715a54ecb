import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Result } from '../../src/checks/result.js';
import { hostileServers } from '../fixtures/hostile/servers.js';
import { listen, type Running } from '../http/servers.js';
import { readReport, startMeasured, workspace, type Workspace } from './gate.js';

const SUITES = 'paths,auth,tenancy,throttle,errors';
const CONCURRENCY = 8;

/** Answers every request with `200 []` after a second, and notes when each arrived. */
function slowServer(arrivals: number[]) {
  return listen((req, res) => {
    arrivals.push(Date.now());
    req.resume();
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'), 1000);
    res.on('close', () => clearTimeout(timer));
  });
}

const notRun = (results: Result[], reason: string) => results.filter((r) => r.outcome === 'error' && /^not (run|finished): /.test(r.message) && r.message.endsWith(reason));

let ws: Workspace;
let elsewhere: Running;
beforeAll(async () => {
  elsewhere = await listen((_req, res) => res.end(), '127.0.0.2');
  ws = await workspace(elsewhere.origin);
});
afterAll(async () => {
  await elsewhere.close();
  await ws.remove();
});

function gate(name: string, origin: string, extra: string[]) {
  const out = (ext: string) => path.join(ws.dir, `${name}.${ext}`);
  const args = ['run', '--config', ws.config, '--base-url', origin, '--suite', SUITES, '--timeout', '5000', '--max-wait', '1', '--concurrency', String(CONCURRENCY), '--reporter', 'console', '--json', out('json'), '--junit', out('xml'), '--html', out('html'), ...extra];
  return { ...startMeasured(args, ws.env, out('rss')), out };
}

describe.concurrent('a run stops on its bound or on a signal, sends nothing more, and reports what it has', () => {
  test('--max-duration: the partial report marks the rest not run, exit 1', async () => {
    const arrivals: number[] = [];
    const server = await slowServer(arrivals);
    try {
      const { measured, out } = gate('max-duration', server.origin, ['--max-duration', '2']);
      const run = await measured;
      const report = await readReport(out('json'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('specgate: the run reached --max-duration (2 s)');
      expect(report.summary.durationMs).toBeLessThan(2_600);
      expect(arrivals.length).toBeLessThanOrEqual(report.summary.requests);
      expect(report.results.some((r) => r.outcome === 'pass' || r.outcome === 'fail')).toBe(true);
      expect(notRun(report.results, 'the run reached --max-duration (2 s)').length).toBeGreaterThan(0);
      expect(run.stdout).toMatch(/not run: the run reached --max-duration \(2 s\)/);
    } finally {
      await server.close();
    }
  });

  test('--max-duration does not wait for requests in flight to a server that never answers', async () => {
    const server = await listen(hostileServers('')['never answers']);
    try {
      const { measured, out } = gate('in-flight', server.origin, ['--max-duration', '2', '--timeout', '30000']);
      const run = await measured;
      const report = await readReport(out('json'));
      expect(run.code).toBe(1);
      expect(report.summary.durationMs).toBeLessThan(3_000);
      expect(notRun(report.results, 'the run reached --max-duration (2 s)').length).toBe(report.results.filter((r) => r.outcome === 'error').length);
    } finally {
      await server.close();
    }
  });

  test.each([
    ['SIGTERM', 143, 'the run was terminated (SIGTERM)'],
    ['SIGINT', 130, 'the run was interrupted (SIGINT)'],
  ] as const)('%s: every reporter writes the partial report, exit %i', async (signal, code, reason) => {
    const arrivals: number[] = [];
    const server = await slowServer(arrivals);
    try {
      const { started, measured, out } = gate(signal, server.origin, []);
      await once(server.server, 'request');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const arrivedBefore = arrivals.length;
      started.child.kill(signal);
      const run = await measured;
      expect(run.code).toBe(code);
      const report = await readReport(out('json'));
      // Sent and counted: what arrived, and what was in flight when the signal came (nothing is answered within the 500 ms).
      expect(arrivals.length).toBeLessThanOrEqual(report.summary.requests);
      expect(report.summary.requests).toBeLessThanOrEqual(arrivedBefore + CONCURRENCY);
      expect(notRun(report.results, reason).length).toBeGreaterThan(0);
      const [junit, html] = await Promise.all([readFile(out('xml'), 'utf8'), readFile(out('html'), 'utf8')]);
      expect(junit).toContain(reason);
      expect(html).toContain(reason);
      expect(run.stdout).toContain(reason);
    } finally {
      await server.close();
    }
  });
});
