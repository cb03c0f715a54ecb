import type { Burst, Sent } from './types.js';

export function isThrottled(sent: Sent): boolean {
  return sent.exchange.response?.status === 429;
}

/** Requests the server let through: answered with anything but 429. */
export function allowedOf(burst: Burst): Sent[] {
  return burst.sent.filter((sent) => sent.exchange.response !== undefined && !isThrottled(sent));
}

export function throttledOf(burst: Burst): Sent[] {
  return burst.sent.filter(isThrottled);
}

/** How long the burst took, from the first request leaving to the last answer. */
export function burstMs(burst: Burst): number {
  return Math.max(...burst.sent.map((s) => s.at)) - Math.min(...burst.sent.map((s) => s.startedAt));
}

/** `200×5, 429×2` (and `no answer×1`), in order of first appearance. */
export function statusSummary(sent: readonly Sent[]): string {
  const counts = new Map<string, number>();
  for (const { exchange } of sent) {
    const status = exchange.response ? String(exchange.response.status) : 'no answer';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${status}×${count}`).join(', ');
}

/** The requests the window held before the burst, as a number for messages and counting (0 when only bounded). */
export function knownPrior(burst: Burst): number {
  return 'exact' in burst.prior ? burst.prior.exact : 0;
}
