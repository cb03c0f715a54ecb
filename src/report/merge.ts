import type { Result } from '../checks/result.js';
import { UsageError } from '../errors.js';
import { summarise, type Report } from './model.js';
import { groupBy, OUTCOME_RANK, worstOutcome } from './verdict.js';

/**
 * Joins the reports of a sharded run into the report the unsharded run gives: operation results side by
 * side (shards cover disjoint operations), API-wide results from the shard where they came out worst
 * (observing checks run on every shard), requests summed, duration of the slowest shard. Refuses reports
 * of different APIs, and an incomplete or repeated set of shards.
 */
export function mergeReports(reports: readonly Report[], names: readonly string[] = reports.map((_, i) => `report ${i + 1}`)): Report {
  const [first] = reports;
  if (!first) throw new UsageError('SPECGATE_USAGE', 'merge needs at least one JSON report', { hint: 'specgate merge shard-1.json shard-2.json --json merged.json' });
  reports.forEach((report, i) => {
    if (report.spec.title !== first.spec.title || report.spec.version !== first.spec.version) {
      throw new UsageError('SPECGATE_USAGE', `${names[i]} is a report of ${report.spec.title} ${report.spec.version}, ${names[0]} of ${first.spec.title} ${first.spec.version}`, {
        hint: 'merge only the shards of one run',
      });
    }
  });
  checkShards(reports, names);

  const perOperation = reports.flatMap((report) => report.results.filter((r) => r.operation !== '*'));
  const apiWide = reports.flatMap((report, shard) => report.results.filter((r) => r.operation === '*').map((result) => ({ result, shard })));
  const results = [...perOperation.sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0)), ...[...groupBy(apiWide, ({ result }) => result.check).values()].flatMap(worstShard)];
  const sharded = first.shard !== undefined;
  const { shard: _shard, ...rest } = first;
  return {
    ...rest,
    spec: { ...first.spec, operations: sharded ? sum(reports.map((r) => r.spec.operations)) : Math.max(...reports.map((r) => r.spec.operations)) },
    summary: summarise(results, sum(reports.map((r) => r.summary.requests)), Math.max(...reports.map((r) => r.summary.durationMs))),
    results,
  };
}

function checkShards(reports: readonly Report[], names: readonly string[]): void {
  const total = reports[0]!.shard?.total;
  const seen = new Map<number, string>();
  reports.forEach((report, i) => {
    if (report.shard?.total !== total) {
      throw new UsageError('SPECGATE_USAGE', `${names[i]} is ${describeShard(report)}, ${names[0]} is ${describeShard(reports[0]!)}`, {
        hint: 'merge the reports of one sharded run, every shard once',
      });
    }
    if (!report.shard) return;
    const earlier = seen.get(report.shard.index);
    if (earlier) throw new UsageError('SPECGATE_USAGE', `${names[i]} and ${earlier} are both shard ${report.shard.index}/${report.shard.total}`, { hint: 'merge every shard once' });
    seen.set(report.shard.index, names[i]!);
  });
  if (total === undefined) return;
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new UsageError('SPECGATE_USAGE', `shard ${missing.map((index) => `${index}/${total}`).join(', ')} missing: a merged report without it would pass operations that were never checked`, {
      hint: 'check that every shard job uploaded its JSON report',
    });
  }
}

function describeShard(report: Report): string {
  return report.shard ? `shard ${report.shard.index}/${report.shard.total}` : 'not sharded';
}

/** The API-wide results of one check from the shard where its worst outcome is worst (the first on a tie). */
function worstShard(found: { result: Result; shard: number }[]): Result[] {
  const byShard = [...groupBy(found, ({ shard }) => shard).values()].map((group) => group.map(({ result }) => result));
  return byShard.reduce((worst, results) => (OUTCOME_RANK[worstOutcome(results)] > OUTCOME_RANK[worstOutcome(worst)] ? results : worst));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
