import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../cli/cli.js';
import { ordersExpress, type OrdersFault } from '../fixtures/errors/orders-express.js';
import { listen } from '../http/servers.js';

let dir: string;
let config: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'specgate-cli-errors-'));
  config = path.join(dir, 'specgate.config.json');
  await writeFile(config, JSON.stringify({ spec: path.resolve('test/fixtures/errors/orders-envelope.openapi.json'), fixtures: { default: { id: 1 } } }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function gate(fault: OrdersFault): Promise<{ code: number | null; stdout: string; report: Report }> {
  const server = await listen(ordersExpress(fault));
  const json = path.join(dir, `${fault}.json`);
  try {
    const { code, stdout } = await runCli(['run', '--config', config, '--base-url', server.origin, '--suite', 'errors', '--allow-destructive', '--json', json]);
    return { code, stdout, report: JSON.parse(await readFile(json, 'utf8')) as Report };
  } finally {
    await server.close();
  }
}

describe.concurrent('specgate run --suite errors', () => {
  it('exits 0 on the correct API', async () => {
    const { code, report } = await gate('correct');
    expect(report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('exits 1 with the finding on a faulty API', async () => {
    const { code, stdout, report } = await gate('crash-on-malformed-json');
    expect(code).toBe(1);
    expect(stdout).toContain('a malformed JSON body → 500, expected 400 or 422');
    expect(report.results.filter((r) => r.outcome === 'fail').map((r) => `${r.check} ${r.operation}`)).toEqual(['errors.bad-input POST /orders']);
  });

  it('explains each check', async () => {
    const { code, stdout } = await runCli(['explain', 'errors.no-stack-trace']);
    expect(code).toBe(0);
    expect(stdout).toContain('errors.no-stack-trace — No response leaks traces, debug pages or internal paths');
    expect(stdout).toContain('CWE-209');
  });
});
