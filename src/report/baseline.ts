import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Result } from '../checks/result.js';
import { formatIssues } from '../config/load.js';
import { UsageError } from '../errors.js';
import { writeReportFile } from './json.js';
import { blockingResults, type FailOn, type Report } from './model.js';

/** One accepted finding: a failure of this check, on this operation, as this identity (none when omitted). */
export interface BaselineEntry {
  check: string;
  /** `METHOD /path/template`, or `*` for API-wide checks. */
  operation: string;
  identity?: string;
  /** Why it is accepted, for the humans reading the file. */
  note?: string;
}

const baselineSchema = z.array(
  z.strictObject({ check: z.string(), operation: z.string(), identity: z.string().optional(), note: z.string().optional() }),
);

const keyOf = (entry: { check: string; operation: string; identity?: string | undefined }): string =>
  JSON.stringify([entry.check, entry.operation, entry.identity ?? null]);

/** Reads a baseline file: a JSON array of `{ check, operation, identity?, note? }`. */
export async function readBaseline(file: string): Promise<BaselineEntry[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError('SPECGATE_CONFIG_INVALID', `cannot read baseline ${file}: ${(error as Error).message}`, {
      hint: 'write one with `specgate run --update-baseline FILE`, or remove "baseline" from the config',
      cause: error,
    });
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError('SPECGATE_CONFIG_INVALID', `invalid baseline ${file}:\n${formatIssues(parsed.error.issues)}`, {
      hint: 'a baseline is a JSON array of { "check": "…", "operation": "METHOD /path", "identity": "…" }',
    });
  }
  return parsed.data as BaselineEntry[];
}

/** The report with every failure the baseline lists marked `accepted`; new failures stay as they are. */
export function applyBaseline(report: Report, entries: readonly BaselineEntry[]): Report {
  return { ...report, results: markAccepted(report.results, entries) };
}

/** The results with every failure the baseline lists marked `accepted`. */
export function markAccepted(results: readonly Result[], entries: readonly BaselineEntry[]): Result[] {
  const accepted = new Set(entries.map(keyOf));
  return results.map((result) => (result.outcome === 'fail' && accepted.has(keyOf(result)) ? { ...result, accepted: true } : result));
}

/** The entries that accept every failure that fails the gate now (errored results are never accepted). */
export function baselineOf(report: Report, failOn: FailOn): BaselineEntry[] {
  const entries = new Map<string, BaselineEntry>();
  for (const { check, operation, identity, outcome } of blockingResults(report.results, failOn)) {
    if (outcome === 'fail') entries.set(keyOf({ check, operation, identity }), { check, operation, ...(identity === undefined ? {} : { identity }) });
  }
  return [...entries.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

export async function writeBaseline(file: string, entries: readonly BaselineEntry[]): Promise<void> {
  await writeReportFile(file, `${JSON.stringify(entries, null, 2)}\n`);
}
