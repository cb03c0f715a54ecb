import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileServers, type Hostility } from '../fixtures/hostile/servers.js';
import { listen, type Running } from '../http/servers.js';
import { readReport, STACK_TRACE, startMeasured, workspace, type Workspace } from './gate.js';

const SUITES = 'paths,auth,tenancy,throttle,errors';

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

describe.concurrent('a full run against a hostile server finishes, bounded, and says what happened', () => {
  const hostilities = Object.keys(hostileServers('')) as Hostility[];
  test.each(hostilities)('%s', async (hostility) => {
    const server = await listen(hostileServers(elsewhere.origin)[hostility]);
    const name = hostility.replace(/\W+/g, '-');
    const json = path.join(ws.dir, `${name}.json`);
    try {
      const { measured } = startMeasured(['run', '--config', ws.config, '--base-url', server.origin, '--suite', SUITES, '--timeout', '300', '--max-wait', '1', '--json', json], ws.env, path.join(ws.dir, `${name}.rss`));
      const run = await measured;
      const report = await readReport(json);
      const notPassed = report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error');
      console.log(`## ${hostility} code=${run.code} ms=${run.ms} run=${report.summary.durationMs} rss=${run.peakRssMiB} req=${report.summary.requests} ${JSON.stringify(report.summary)}\n${[...new Set(notPassed.map((r) => `${r.outcome} ${r.check}: ${r.message.replace(/\d{4,5}/g, "N").slice(0, 160)}`))].join("\n")}\nSTDERR:${run.stderr}`);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect([0, 1]).toContain(run.code);
    } finally {
      await server.close();
    }
  });
});
