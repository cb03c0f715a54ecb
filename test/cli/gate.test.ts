import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';
import { listen, type Running } from '../http/servers.js';
import { runCli, summaryLine } from './cli.js';

const spec = fileURLToPath(new URL('../fixtures/paths/catalog.openapi.json', import.meta.url));
const houseStyle = fileURLToPath(new URL('./fixtures/house-style.suite.ts', import.meta.url));

describe.concurrent('the gate: --fail-on, baseline, summary line', () => {
  let mismatch: Running;
  let wrongType: Running;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    [mismatch, wrongType, dir] = await Promise.all([listen(catalogExpress('schema-mismatch')), listen(catalogExpress('wrong-content-type')), mkdtemp(path.join(tmpdir(), 'specgate-gate-'))]);
    config = path.join(dir, 'specgate.config.json');
    await writeFile(config, JSON.stringify({ spec, fixtures: { default: { id: 1 } }, suites: [houseStyle] }));
  });
  afterAll(() => Promise.all([mismatch.close(), wrongType.close()]));

  test('warnings fail the gate only with --fail-on warning; the summary line ends every run, whichever reporters', async () => {
    const args = ['run', '--config', config, '--base-url', mismatch.origin, '--check', 'house.operation-id'];
    const [byDefault, strict] = await Promise.all([runCli([...args, '--reporter', 'json', '--out', dir]), runCli([...args, '--fail-on', 'warning'])]);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toBe('0 passed, 3 failed, 0 skipped\n');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('✗ GET /items [warning]  GET /items has no operationId');
    expect(summaryLine(strict.stdout)).toBe('0 passed, 3 failed, 0 skipped');
  });

  test('a baseline accepts known failures; a new failure still fails the gate', async () => {
    const baseline = path.join(dir, 'baseline.json');
    const updated = await runCli(['run', '--config', config, '--suite', 'paths', '--base-url', mismatch.origin, '--update-baseline', baseline]);
    expect(updated.code).toBe(0);
    expect(JSON.parse(await readFile(baseline, 'utf8'))).toEqual([{ check: 'paths.response-schema', operation: 'GET /items/{id}' }]);

    const json = path.join(dir, 'accepted.json');
    const known = await runCli(['run', '--config', config, '--suite', 'paths', '--base-url', mismatch.origin, '--baseline', baseline, '--json', json]);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('GET /items/{id} (accepted by the baseline)');
    expect(known.stdout).toContain('1 of the failures are accepted by the baseline and do not fail the gate');
    const accepted = (JSON.parse(await readFile(json, 'utf8')) as Report).results.filter((r) => r.accepted);
    expect(accepted.map((r) => `${r.check} ${r.operation} ${r.outcome}`)).toEqual(['paths.response-schema GET /items/{id} fail']);

    const regressed = await runCli(['run', '--config', config, '--suite', 'paths', '--base-url', wrongType.origin, '--baseline', baseline]);
    expect(regressed.code).toBe(1);
    expect(regressed.stdout).toContain('✗ GET /items/{id}  200 came back as text/plain');
  });
});
