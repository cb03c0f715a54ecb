import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { Report } from '../../src/report/model.js';
import { runCli, summaryLine } from '../cli/cli.js';
import { catalogExpress, type CatalogFault } from '../fixtures/paths/catalog-express.js';
import { listen, type Running } from '../http/servers.js';

const spec = path.resolve(import.meta.dirname, '../fixtures/paths/catalog.openapi.json');
let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function gate(fault: CatalogFault, extra: string[] = []) {
  running = await listen(catalogExpress(fault));
  const dir = await mkdtemp(path.join(tmpdir(), 'specgate-paths-'));
  const config = path.join(dir, 'specgate.config.json');
  await writeFile(config, JSON.stringify({ fixtures: { default: { id: 1 } } }));
  const json = path.join(dir, 'report.json');
  const junit = path.join(dir, 'junit.xml');
  const result = await runCli(['run', '--spec', spec, '--base-url', running.origin, '--config', config, '--suite', 'paths', '--allow-destructive', '--json', json, '--junit', junit, ...extra]);
  return { ...result, report: JSON.parse(await readFile(json, 'utf8')) as Report, junit: await readFile(junit, 'utf8') };
}

describe('specgate run --suite paths through the real CLI', () => {
  it('exits 0 on the correct server, with the summary line and a report in the documented shape', async () => {
    const { code, stdout, report, junit } = await gate('correct');
    expect(code).toBe(0);
    expect(summaryLine(stdout)).toBe(`${report.summary.passed} passed, 0 failed, ${report.summary.skipped} skipped`);
    expect(report).toMatchObject({ tool: 'specgate', spec: { title: 'Catalog', version: '2.1.0', openapi: '3.0.3', operations: 3 }, baseUrl: running!.origin });
    expect(Object.keys(report.summary).sort()).toEqual(['durationMs', 'errored', 'failed', 'passed', 'requests', 'skipped']);
    const cases = new XMLParser({ ignoreAttributes: false }).parse(junit).testsuites.testsuite.flatMap((suite: { testcase: unknown }) => suite.testcase);
    expect(cases).toHaveLength(report.results.length);
  });

  it('exits 1 on a faulty server and reports the finding the same way in console, JSON and JUnit', async () => {
    const { code, stdout, report, junit } = await gate('schema-mismatch');
    expect(code).toBe(1);
    const failed = report.results.filter((r) => r.outcome === 'fail');
    expect(failed.map((r) => `${r.check} ${r.operation}`)).toEqual(['paths.response-schema GET /items/{id}']);
    expect(failed[0]!.message).toContain('/price: must be number');
    expect(failed[0]!.evidence?.request.url).toBe(`${running!.origin}/api/items/1`);
    expect(stdout).toContain('✗ paths.response-schema');
    expect(stdout).toContain(failed[0]!.message);
    expect(junit).toMatch(/<testcase classname="paths.response-schema" name="GET \/items\/\{id\}">\s*<failure message="[^"]*must be number/);
  });

  it('exits 2 naming the file and the JSON pointer for a broken spec', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'specgate-broken-'));
    const broken = path.join(dir, 'openapi.json');
    await writeFile(broken, JSON.stringify({ openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/Nope' } } } } } }));
    const { code, stderr } = await runCli(['run', '--spec', broken, '--base-url', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(stderr).toContain(broken);
    expect(stderr).toContain('#/components/responses/Nope');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with the usage line when no base URL is given', async () => {
    const { code, stderr } = await runCli(['run', '--spec', spec]);
    expect(code).toBe(2);
    expect(stderr).toContain('no base URL');
  });
});
