import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/checks/result.js';
import { githubReporter, renderAnnotations, renderJobSummary } from '../../src/report/github.js';
import { operationLines } from '../../src/report/spec-lines.js';
import { reportOf, resolvesFailure } from './report.js';

const catalogSpec = fileURLToPath(new URL('../fixtures/paths/catalog.openapi.json', import.meta.url));
const schemaFailure: Result = {
  check: 'paths.response-schema',
  operation: 'GET /items',
  outcome: 'fail',
  severity: 'warning',
  message: '200 body: /0/price: must be number, 50% of items | broken',
  hint: 'fix the serializer,\nor the schema',
};
const passed: Result = { check: 'auth.required', operation: 'GET /items', outcome: 'pass', severity: 'error', message: 'answered 401' };

describe('GitHub reporter', () => {
  test('annotations: ::error or ::warning at the spec line of the operation, titled with the check id, escaped', () => {
    const lines = new Map([['GET /items/{id}', 19]]);
    const text = renderAnnotations(reportOf([resolvesFailure, schemaFailure, passed]), { file: 'api/openapi.json', lines });
    expect(text.split('\n')).toEqual([
      '::error file=api/openapi.json,line=19,title=paths.resolves::GET /items/{id}: GET /api/items/1 answered 404: the documented route does not exist%0AHint: mount GET /api/items/{id} in the app',
      '::warning file=api/openapi.json,title=paths.response-schema::GET /items: 200 body: /0/price: must be number, 50%25 of items | broken%0AHint: fix the serializer,%0Aor the schema',
      '',
    ]);
  });

  test('accepted failures are not annotated', () => {
    expect(renderAnnotations(reportOf([{ ...resolvesFailure, accepted: true }]))).toBe('');
  });

  test('the job summary: the summary line, a table per family, the findings escaped for markdown', () => {
    const summary = renderJobSummary(reportOf([resolvesFailure, schemaFailure, passed]));
    expect(summary).toContain('**1 passed, 2 failed, 0 skipped** · 3 operations · 7 requests in 0.12 s');
    expect(summary).toContain('### paths\n\n| check | passed | failed | skipped | errored |\n|---|---:|---:|---:|---:|\n| ❌ `paths.resolves` | 0 | 1 | 0 | 0 |\n| ❌ `paths.response-schema` | 0 | 1 | 0 | 0 |');
    expect(summary).toContain('### auth\n\n| check | passed | failed | skipped | errored |\n|---|---:|---:|---:|---:|\n| ✅ `auth.required` | 1 | 0 | 0 | 0 |');
    expect(summary).toContain('| `paths.response-schema` | `GET /items` | 200 body: /0/price: must be number, 50% of items \\| broken | fix the serializer, or the schema |');
  });

  test('the reporter writes annotations and appends the job summary to the file it is given', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'specgate-gh-')), 'summary.md');
    await writeFile(file, '# earlier step\n');
    let written = '';
    await githubReporter({ specFile: catalogSpec, summaryFile: file, write: (text) => (written += text) }).onReport?.(reportOf([resolvesFailure]));
    expect(written).toBe(`::error file=${path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), catalogSpec)},line=19,title=paths.resolves::GET /items/{id}: GET /api/items/1 answered 404: the documented route does not exist%0AHint: mount GET /api/items/{id} in the app\n`);
    expect(await readFile(file, 'utf8')).toMatch(/^# earlier step\n## specgate: Catalog 2\.1\.0\n/);
  });
});

describe('operationLines', () => {
  const keys = ['GET /items', 'POST /items', 'GET /items/{id}', 'DELETE /gone'];

  test('finds the method of each operation in a JSON document', async () => {
    const lines = operationLines(await readFile(catalogSpec, 'utf8'), keys);
    expect(Object.fromEntries(lines)).toEqual({ 'GET /items': 7, 'POST /items': 13, 'GET /items/{id}': 19 });
  });

  test('and in a YAML document', () => {
    const yaml = stringify({ openapi: '3.1.0', paths: { '/items': { get: { responses: {} }, post: { responses: {} } }, '/items/{id}': { parameters: [], get: { responses: {} } } } });
    expect(Object.fromEntries(operationLines(yaml, keys))).toEqual({ 'GET /items': 4, 'POST /items': 6, 'GET /items/{id}': 10 });
  });
});
