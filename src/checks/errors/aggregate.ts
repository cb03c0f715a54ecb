import { fail, pass, type Finding, type Severity } from '../result.js';
import type { Observed } from './observed.js';

/** A check's verdict on one response: nothing wrong, or what is wrong and how much it matters. */
export type Verdict = { ok: true } | { ok: false; problem: string; severity?: Severity };

interface Judged {
  observed: Observed;
  verdict: Verdict;
}

export interface Wording {
  /** What was judged, plural: `error responses`. */
  noun: string;
  /** What the failing ones do: `break the envelope format`. */
  verb: string;
  /** The pass message for one operation, given the judged statuses (`400, 404 ×2`). */
  passed(count: number, statuses: string): string;
  hint(first: Observed): string;
}

const RANK: Record<Severity, number> = { warning: 0, error: 1, critical: 2 };
const MORE_PROBLEMS = 2;

/**
 * One finding per operation (and `*` for requests no operation matches) from a verdict per response: the
 * count, the statuses, the first failure as evidence and up to two other distinct problems. Responses the
 * judge returns undefined for do not count.
 */
export function perOperation(observed: readonly Observed[], judge: (o: Observed) => Verdict | undefined, wording: Wording): Finding[] {
  const groups = new Map<string, Judged[]>();
  for (const item of observed) {
    const verdict = judge(item);
    if (!verdict) continue;
    const group = groups.get(item.key) ?? [];
    group.push({ observed: item, verdict });
    groups.set(item.key, group);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '*' ? 1 : b === '*' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => summarise(key, groups.get(key)!, wording));
}

function summarise(key: string, judged: Judged[], wording: Wording): Finding {
  const failures = judged.filter((j): j is Judged & { verdict: { ok: false } } => !j.verdict.ok);
  const first = failures[0];
  if (!first) return pass(wording.passed(judged.length, statuses(judged)), { operation: key, exchange: judged[0]!.observed.exchange });
  const severity = failures.map((f) => f.verdict.severity ?? 'error').reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  const others = new Map<string, number>();
  for (const { verdict, observed } of failures) {
    if (verdict.problem !== first.verdict.problem && !others.has(verdict.problem)) others.set(verdict.problem, observed.exchange.response.status);
  }
  const also = [...others].slice(0, MORE_PROBLEMS).map(([problem, status]) => `${status}: ${problem}`);
  const { request, response } = first.observed.exchange;
  const message =
    `${failures.length} of ${judged.length} ${wording.noun} (${statuses(failures)}) ${wording.verb}: ${request.method} ${request.path} answered ${response.status}: ${first.verdict.problem}` +
    (also.length > 0 ? `; also ${also.join('; ')}` : '');
  return fail(message, wording.hint(first.observed), { operation: key, exchange: first.observed.exchange, severity });
}

/** `1 response`, `3 responses`. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

function statuses(judged: readonly Judged[]): string {
  const counts = new Map<number, number>();
  for (const { observed } of judged) counts.set(observed.exchange.response.status, (counts.get(observed.exchange.response.status) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([status, count]) => (count > 1 ? `${status} ×${count}` : String(status)))
    .join(', ');
}
