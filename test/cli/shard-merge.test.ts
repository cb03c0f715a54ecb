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
const verdicts = (report: Report) => report.results.map((r) => `${r.check} ${r.operation} ${r.identity ?? '-'} ${r.outcome} ${r.severity}`).sort();
const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Report;

describe('sharded runs merged with `specgate merge`', () => {
  let server: Running;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    [server, dir] = await Promise.all([listen(catalogExpress('schema-mismatch')), mkdtemp(path.join(tmpdir(), 'specgate-shards-'))]);
    config = path.join(dir, 'specgate.config.json');
    await writeFile(config, JSON.stringify({ spec, fixtures: { default: { id: 1 } } }));
  });
  afterAll(() => server.close());

  test('equal the unsharded run, give JUnit, HTML and GitHub output of the whole, and need every shard', async () => {
    const file = (name: string) => path.join(dir, name);
    const run = (...args: string[]) => runCli(['run', '--config', config, '--base-url', server.origin, '--reporter', 'json', ...args]);
    const [whole, first, second] = await Promise.all([
      run('--json', file('whole.json')),
      run('--shard', '1/2', '--json', file('shard-1.json')),
      run('--shard', '2/2', '--json', file('shard-2.json')),
    ]);
    expect([whole.stderr, first.stderr, second.stderr]).toEqual(['', '', '']);
    const shards = await Promise.all([read(file('shard-1.json')), read(file('shard-2.json'))]);
    expect(shards.map((s) => s.spec.operations)).toEqual([2, 1]);

    const summaryFile = file('step-summary.md');
    await writeFile(summaryFile, '');
    const merged = await runCli(
      ['merge', file('shard-1.json'), file('shard-2.json'), '--json', file('merged.json'), '--junit', file('merged.xml'), '--html', file('merged.html'), '--reporter', 'console,github', '--spec', spec],
      { GITHUB_STEP_SUMMARY: summaryFile },
    );
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(whole.code);
    expect(merged.code).toBe(1);

    const [unsharded, joined] = await Promise.all([read(file('whole.json')), read(file('merged.json'))]);
    expect(verdicts(joined)).toEqual(verdicts(unsharded));
    const counts = ({ summary: { passed, failed, skipped, errored } }: Report) => ({ passed, failed, skipped, errored });
    expect(counts(joined)).toEqual(counts(unsharded));
    expect(joined.spec).toEqual(unsharded.spec);
    expect(joined.shard).toBeUndefined();

    const { passed, failed, skipped } = joined.summary;
    expect(summaryLine(merged.stdout)).toBe(`${passed} passed, ${failed} failed, ${skipped} skipped`);
    expect(merged.stdout).toMatch(/^::error file=test\/fixtures\/paths\/catalog\.openapi\.json,line=19,title=paths\.response-schema::GET \/items\/\{id\}: 200 body does not match/m);
    expect(await readFile(summaryFile, 'utf8')).toContain('### paths\n\n| check | passed | failed | skipped | errored |');
    expect(await readFile(file('merged.xml'), 'utf8')).toContain(`<testsuites name="specgate Catalog" tests="${joined.results.length}" failures="${failed}"`);
    expect(await readFile(file('merged.html'), 'utf8')).toContain(`<span data-count="failed">${failed}</span>`);

    const incomplete = await runCli(['merge', file('shard-2.json')]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('shard 1/2 missing');
  });
});
