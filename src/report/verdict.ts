import type { Outcome, Result } from '../checks/result.js';

/** How bad an outcome is, for choosing the one a group shows. */
export const OUTCOME_RANK: Readonly<Record<Outcome, number>> = { error: 3, fail: 2, pass: 1, skip: 0 };

/** The outcome a group of results shows as one verdict: error, then fail, then pass, then skip. */
export function worstOutcome(results: readonly Result[]): Outcome {
  return results.reduce<Outcome>((worst, r) => (OUTCOME_RANK[r.outcome] > OUTCOME_RANK[worst] ? r.outcome : worst), 'skip');
}

/** Items (results) grouped by a key, groups in first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The family of a check id (`paths.resolves` → `paths`). */
export function familyOf(checkId: string): string {
  return checkId.slice(0, checkId.indexOf('.'));
}
