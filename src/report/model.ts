import type { Result } from '../checks/result.js';

export interface ReportSummary {
  passed: number;
  failed: number;
  skipped: number;
  errored: number;
  requests: number;
  durationMs: number;
}

/** The report of one run, exactly as `--json` writes it (see DESIGN.md). */
export interface Report {
  tool: 'specgate';
  version: string;
  spec: { title: string; version: string; openapi: string; operations: number };
  baseUrl: string;
  summary: ReportSummary;
  results: Result[];
  /** Present on sharded runs: which shard produced the report. */
  shard?: { index: number; total: number };
}

export function summarise(results: readonly Result[], requests: number, durationMs: number): ReportSummary {
  const count = (outcome: Result['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return {
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    errored: count('error'),
    requests,
    durationMs,
  };
}

export type FailOn = 'error' | 'warning';

/** The results that make the gate fail: errored results, and failures at or above the threshold not accepted by the baseline. */
export function blockingResults(results: readonly Result[], failOn: FailOn): Result[] {
  return results.filter(
    (r) => r.outcome === 'error' || (r.outcome === 'fail' && !r.accepted && (failOn === 'warning' || r.severity !== 'warning')),
  );
}
