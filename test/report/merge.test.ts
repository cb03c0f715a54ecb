import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/checks/result.js';
import { mergeReports } from '../../src/report/merge.js';
import type { Report } from '../../src/report/model.js';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';
import { runAgainst } from '../helpers/contract.js';
import { reportOf, resolvesFailure } from './report.js';

const spec = 'test/fixtures/paths/catalog.openapi.json';
const verdicts = (report: Report) => report.results.map((r) => `${r.check} ${r.operation} ${r.outcome}`).sort();

describe('mergeReports', () => {
  test('the shards of a run, merged, give the verdicts and counts of the unsharded run', async () => {
    const run = (shard?: { index: number; total: number }) =>
      runAgainst({ spec, app: catalogExpress('schema-mismatch'), config: { fixtures: { default: { id: 1 } } }, selection: shard ? { shard } : {} });
    const [whole, ...shards] = await Promise.all([run(), run({ index: 1, total: 3 }), run({ index: 2, total: 3 }), run({ index: 3, total: 3 })]);
    expect(shards.map((s) => s.spec.operations)).toEqual([1, 1, 1]);
    const merged = mergeReports(shards);
    expect(verdicts(merged)).toEqual(verdicts(whole));
    expect(verdicts(merged)).toContain('paths.response-schema GET /items/{id} fail');
    expect({ ...merged.summary, requests: 0, durationMs: 0 }).toEqual({ ...whole.summary, requests: 0, durationMs: 0 });
    expect(merged.summary.requests).toBe(shards.reduce((sum, s) => sum + s.summary.requests, 0));
    expect(merged.summary.durationMs).toBe(Math.max(...shards.map((s) => s.summary.durationMs)));
    expect(merged.spec).toEqual(whole.spec);
    expect(merged).not.toHaveProperty('shard');
  });

  test('API-wide results come from the shard where they came out worst', () => {
    const observed = (outcome: Result['outcome'], message: string): Result => ({ check: 'errors.request-id', operation: '*', outcome, severity: 'warning', message });
    const merged = mergeReports([
      reportOf([observed('pass', 'every response carried X-Request-Id')], { shard: { index: 1, total: 2 } }),
      reportOf([resolvesFailure, observed('fail', 'none of the responses carried X-Request-Id')], { shard: { index: 2, total: 2 } }),
    ]);
    expect(merged.results.map((r) => `${r.check} ${r.outcome}`)).toEqual(['paths.resolves fail', 'errors.request-id fail']);
    expect(merged.summary).toMatchObject({ passed: 0, failed: 2, requests: 14 });
  });

  test('refuses reports that are not the shards of one run', () => {
    const shard = (index: number, total: number, extra: Partial<Report> = {}) => reportOf([], { shard: { index, total }, ...extra });
    const names = ['a.json', 'b.json'];
    expect(() => mergeReports([])).toThrow('merge needs at least one JSON report');
    expect(() => mergeReports([shard(1, 2), shard(2, 2, { spec: { title: 'Other', version: '1', openapi: '3.1.0', operations: 1 } })], names)).toThrow('b.json is a report of Other 1, a.json of Catalog 2.1.0');
    expect(() => mergeReports([shard(1, 2), shard(1, 2)], names)).toThrow('b.json and a.json are both shard 1/2');
    expect(() => mergeReports([shard(1, 2), reportOf([])], names)).toThrow('b.json is not sharded, a.json is shard 1/2');
    expect(() => mergeReports([shard(1, 3), shard(3, 3)], names)).toThrow('shard 2/3 missing');
  });
});
