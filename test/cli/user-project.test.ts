import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBookshelf } from '../../examples/user-project/api/app.js';
import type { Report } from '../../src/report/model.js';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';
import { listen, type Running } from '../http/servers.js';
import { runCli, summaryLine } from './cli.js';

const project = fileURLToPath(new URL('../../examples/user-project/', import.meta.url));
const config = path.join(project, 'specgate.config.ts');
const outcomes = (report: Report, check: string) => report.results.filter((r) => r.check === check).map((r) => `${r.operation} ${r.outcome}`).sort();

describe('a project with suites of its own, through the real CLI', () => {
  let bookshelf: Running;
  let catalog: Running;
  let dir: string;
  beforeAll(async () => {
    [bookshelf, catalog, dir] = await Promise.all([listen(createBookshelf()), listen(catalogExpress('correct')), mkdtemp(path.join(tmpdir(), 'specgate-cli-'))]);
  });
  afterAll(() => Promise.all([bookshelf.close(), catalog.close()]));

  test('run: the built-in checks and the project’s own in one report, the summary line last', async () => {
    const json = path.join(dir, 'bookshelf.json');
    const { code, stdout, stderr } = await runCli(['run', '--config', config, '--base-url', bookshelf.origin, '--json', json]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as Report;
    expect(outcomes(report, 'pagination.list-paginates')).toEqual(['GET /authors pass', 'GET /books pass']);
    expect(outcomes(report, 'observability.request-duration')).toEqual(['GET /authors pass', 'GET /books pass', 'GET /books/{book_id} pass', 'GET /health pass']);
    expect(outcomes(report, 'paths.resolves')).toHaveLength(4);
    const { passed, failed, skipped } = report.summary;
    expect(summaryLine(stdout)).toBe(`${passed} passed, ${failed} failed, ${skipped} skipped`);
    expect(stdout.trimEnd().split('\n').slice(-2)[0]).toBe(summaryLine(stdout));
  });

  test('list and explain show the project’s checks', async () => {
    const list = await runCli(['list', '--config', config]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/GET \/books {2}\(listBooks\)\n(?: {4}.*\n)*? {4}• pagination\.list-paginates\n/);
    const explain = await runCli(['explain', 'observability.request-duration', '--config', config]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('observability.request-duration — Every response carries X-Request-Duration-Ms (observability, severity error)');
  });

  test('the project’s checks fail an API that breaks them, and the gate fails', async () => {
    const other = path.join(dir, 'catalog.config.json');
    await writeFile(other, JSON.stringify({ spec: fileURLToPath(new URL('../fixtures/paths/catalog.openapi.json', import.meta.url)), suites: [path.join(project, 'contract/*.suite.ts')] }));
    const json = path.join(dir, 'catalog.json');
    const { code } = await runCli(['run', '--config', other, '--base-url', catalog.origin, '--json', json]);
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(json, 'utf8')) as Report;
    expect(outcomes(report, 'pagination.list-paginates')).toEqual(['GET /items fail']);
    expect(report.results.find((r) => r.check === 'pagination.list-paginates')?.message).toBe('limit=1 returned 2 items');
    expect(outcomes(report, 'observability.request-duration')).toEqual(['GET /items fail', 'GET /items/{id} fail', 'POST /items skip']);
  });

  test('a suite file that is not a suite is a usage error naming the file', async () => {
    const broken = path.join(dir, 'broken.suite.ts');
    await writeFile(broken, "export default { name: 'broken', checks: [{ id: 'broken.check' }] };\n");
    const brokenConfig = path.join(dir, 'broken.config.json');
    await writeFile(brokenConfig, JSON.stringify({ suites: [broken] }));
    const { code, stderr } = await runCli(['explain', '--config', brokenConfig]);
    expect(code).toBe(2);
    expect(stderr).toContain(`suite ${broken} is not a suite`);
    expect(stderr).toContain('checks.0.run');
  });
});
