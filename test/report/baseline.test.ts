import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/checks/result.js';
import { applyBaseline, baselineOf, readBaseline, writeBaseline } from '../../src/report/baseline.js';
import { renderConsole } from '../../src/report/console.js';
import { renderJunit } from '../../src/report/junit.js';
import { blockingResults } from '../../src/report/model.js';
import { reportOf, resolvesFailure } from './report.js';

const isolation = (identity: string): Result => ({ check: 'tenancy.isolation', operation: 'GET /items/{id}', identity, outcome: 'fail', severity: 'error', message: `${identity} read another tenant's item` });
const warning: Result = { check: 'paths.unknown-path', operation: '*', outcome: 'fail', severity: 'warning', message: 'GET /api/nope answered 400' };

describe('baseline', () => {
  test('accepts exactly the listed check, operation and identity; a new failure still fails the gate', () => {
    const report = applyBaseline(reportOf([resolvesFailure, isolation('globex'), isolation('initech')]), [
      { check: 'paths.resolves', operation: 'GET /items/{id}', note: 'route ships next release' },
      { check: 'tenancy.isolation', operation: 'GET /items/{id}', identity: 'globex' },
    ]);
    expect(report.results.map((r) => r.accepted ?? false)).toEqual([true, true, false]);
    expect(blockingResults(report.results, 'error')).toEqual([isolation('initech')]);
  });

  test('never accepts errored results', () => {
    const errored: Result = { ...resolvesFailure, outcome: 'error', message: 'no response' };
    const report = applyBaseline(reportOf([errored]), [{ check: errored.check, operation: errored.operation }]);
    expect(blockingResults(report.results, 'error')).toHaveLength(1);
  });

  test('is written from the failures that fail the gate at the threshold, and read back', async () => {
    const report = reportOf([isolation('initech'), resolvesFailure, warning, isolation('globex')]);
    expect(baselineOf(report, 'error')).toEqual([
      { check: 'paths.resolves', operation: 'GET /items/{id}' },
      { check: 'tenancy.isolation', operation: 'GET /items/{id}', identity: 'globex' },
      { check: 'tenancy.isolation', operation: 'GET /items/{id}', identity: 'initech' },
    ]);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'specgate-baseline-')), 'nested', 'baseline.json');
    await writeBaseline(file, baselineOf(report, 'warning'));
    expect(await readBaseline(file)).toHaveLength(4);
    expect(blockingResults(applyBaseline(report, await readBaseline(file)).results, 'warning')).toEqual([]);
  });

  test('a file that is not a baseline names the file and the key', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'specgate-baseline-')), 'baseline.json');
    await writeFile(file, JSON.stringify([{ check: 'paths.resolves', operation: 'GET /', severity: 'error' }]));
    await expect(readBaseline(file)).rejects.toThrow(`invalid baseline ${file}:\n  - 0: Unrecognized key: "severity"`);
    await expect(readBaseline(`${file}.missing`)).rejects.toMatchObject({ code: 'SPECGATE_CONFIG_INVALID', hint: expect.stringContaining('--update-baseline') });
    expect(await readFile(file, 'utf8')).toContain('severity');
  });

  test('accepted failures: marked in the console, skipped test cases in JUnit', () => {
    const report = applyBaseline(reportOf([resolvesFailure, isolation('globex')]), [{ check: 'paths.resolves', operation: 'GET /items/{id}' }]);
    const console = stripVTControlCharacters(renderConsole(report));
    expect(console).toContain('✗ GET /items/{id} (accepted by the baseline)  GET /api/items/1 answered 404');
    expect(console).toMatch(/1 of the failures are accepted by the baseline and do not fail the gate\n\n0 passed, 2 failed, 0 skipped\n/);
    const junit = renderJunit(report);
    expect(junit).toContain('failures="1" errors="0" skipped="1"');
    expect(junit).toContain('<skipped message="accepted by the baseline: GET /api/items/1 answered 404: the documented route does not exist"/>');
  });
});
