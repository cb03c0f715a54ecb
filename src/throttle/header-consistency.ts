import { serverNow } from './announced.js';
import { readRateLimitHeaders, type HeaderFamily, type RateLimitReading } from './rate-limit-headers.js';
import { describeResetKind, resetKind, secondsUntilReset } from './reset.js';

/** One response of a burst, as the header judgement needs it. */
export interface HeaderSample {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** When it arrived, ms since the epoch. */
  at: number;
}

export interface HeaderExpectations {
  documentedLimit: number;
  /** Requests the server allowed in the window, when it was throttled and the count is exact. */
  enforcedLimit: number | undefined;
  windowSeconds: number | undefined;
}

export interface HeaderVerdict {
  families: HeaderFamily[];
  problems: string[];
  /** One line per family on what it said, for a passing result. */
  summaries: string[];
}

interface Row {
  sample: HeaderSample;
  reading: RateLimitReading;
}

/**
 * Checks that the rate-limit headers of one window add up: per family one limit, the documented one or the
 * one enforced; the policy window as documented; remaining down by one per allowed request (in any order,
 * since the burst is concurrent) to 0 before the first 429 and 0 on every 429; reset values of one kind
 * (epoch or seconds-until-reset, inferred from their magnitude) pointing inside the window.
 */
export function judgeRateLimitHeaders(samples: readonly HeaderSample[], expected: HeaderExpectations): HeaderVerdict {
  const problems = new Set<string>();
  const rows: Row[] = [];
  for (const sample of samples) {
    const parsed = readRateLimitHeaders(sample.headers, { limit: expected.documentedLimit, window: expected.windowSeconds });
    for (const field of parsed.malformed) problems.add(`${field} is malformed, so clients must ignore it`);
    rows.push(...parsed.readings.map((reading) => ({ sample, reading })));
  }
  const families = [...new Set(rows.map((row) => row.reading.family))];
  const summaries: string[] = [];
  for (const family of families) {
    const own = rows.filter((row) => row.reading.family === family);
    const found: string[] = [];
    summaries.push(`${family}: ${[judgeLimit(own, expected, found), judgeRemaining(own, found), judgeReset(own, expected.windowSeconds, found)].filter(Boolean).join(', ')}`);
    for (const problem of found) problems.add(`${family} ${problem}`);
  }
  return { families, problems: [...problems], summaries };
}

function judgeLimit(rows: Row[], expected: HeaderExpectations, problems: string[]): string {
  const limits = unique(rows.map((row) => row.reading.limit));
  const windows = unique(rows.map((row) => row.reading.window));
  if (limits.length > 1) problems.push(`announced several limits within one window: ${limits.join(', ')}`);
  const [limit] = limits;
  if (limits.length === 1 && limit !== expected.documentedLimit && limit !== expected.enforcedLimit) {
    const enforced = expected.enforcedLimit === undefined ? '' : ` and the server allowed ${expected.enforcedLimit}`;
    problems.push(`announces a limit of ${limit}, but the document says ${expected.documentedLimit}${enforced}`);
  }
  const documentedWindow = expected.windowSeconds === undefined ? undefined : Math.ceil(expected.windowSeconds);
  for (const window of windows) {
    if (documentedWindow !== undefined && window !== documentedWindow) problems.push(`announces a ${window} s window, but the document says ${documentedWindow} s`);
  }
  return [limit === undefined ? '' : `limit ${limit}`, windows.length === 1 ? `window ${windows[0]} s` : ''].filter(Boolean).join(', ');
}

function judgeRemaining(rows: Row[], problems: string[]): string {
  const allowed = rows.filter((row) => row.sample.status !== 429 && row.reading.remaining !== undefined);
  const refused = rows.filter((row) => row.sample.status === 429 && row.reading.remaining !== undefined);
  const values = allowed.map((row) => row.reading.remaining!).sort((a, b) => b - a);
  const steps = values.slice(1).every((value, index) => value === values[index]! - 1);
  if (!steps) problems.push(`remaining did not go down by one per allowed request: it took the values ${values.join(', ')} over ${values.length} requests`);
  const limit = rows.find((row) => row.reading.limit !== undefined)?.reading.limit;
  if (limit !== undefined && values[0] !== undefined && values[0] > limit - 1) problems.push(`said ${values[0]} requests remained after one was made, with a limit of ${limit}`);
  const last = values[values.length - 1];
  if (refused.length > 0 && last !== undefined && last !== 0 && steps) problems.push(`remaining ended at ${last}, not 0, before the first 429`);
  const wrong = refused.find((row) => row.reading.remaining !== 0);
  if (wrong) problems.push(`said ${wrong.reading.remaining} requests remained on a 429`);
  if (values.length === 0) return '';
  return `remaining ${values[0]} → ${last} one per request${refused.length > 0 ? ', 0 on every 429' : ''}`;
}

function judgeReset(rows: Row[], windowSeconds: number | undefined, problems: string[]): string {
  const resets = rows.filter((row) => row.reading.reset !== undefined);
  const kinds = unique(resets.map((row) => resetKind(row.reading.reset!)));
  if (kinds.length > 1) {
    problems.push(`reset mixes ${kinds.map(describeResetKind).join(' and ')}`);
    return '';
  }
  const [kind] = kinds;
  if (kind === undefined) return '';
  const family = rows[0]!.reading.family;
  if (kind !== 'delta' && family !== 'X-RateLimit-*') problems.push(`reset must be seconds until the reset, but ${resets[0]!.reading.reset} looks like ${describeResetKind(kind)}`);
  const bound = windowSeconds === undefined ? undefined : Math.ceil(windowSeconds) + (kind === 'delta' ? 0 : 1);
  const outside = resets.find((row) => {
    const seconds = secondsUntilReset(row.reading.reset!, serverNow(row.sample, row.sample.at));
    return seconds < (kind === 'delta' ? 0 : -1) || (bound !== undefined && seconds > bound);
  });
  if (outside) {
    const seconds = secondsUntilReset(outside.reading.reset!, serverNow(outside.sample, outside.sample.at));
    problems.push(`reset ${outside.reading.reset} (${describeResetKind(kind)}) is ${Math.round(seconds)} s away, outside the ${windowSeconds} s window`);
  }
  return `reset as ${describeResetKind(kind)}`;
}

function unique<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== undefined))];
}
