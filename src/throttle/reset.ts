/** How a reset value is written: seconds until the reset, or the reset's time as epoch seconds / milliseconds. */
export type ResetKind = 'delta' | 'epoch' | 'epoch-ms';

const EPOCH_SECONDS = 1e9;
const EPOCH_MILLISECONDS = 1e12;

/**
 * Infers the kind from the magnitude: a delay of 10^9 s (31 years) is absurd, an epoch below it predates
 * 2001. GitHub and express-rate-limit write X-RateLimit-Reset as epoch seconds, @fastify/rate-limit as delta.
 */
export function resetKind(value: number): ResetKind {
  if (value >= EPOCH_MILLISECONDS) return 'epoch-ms';
  return value >= EPOCH_SECONDS ? 'epoch' : 'delta';
}

/** Seconds from `nowMs` until the reset a value announces (negative when it lies in the past). */
export function secondsUntilReset(value: number, nowMs: number): number {
  const kind = resetKind(value);
  if (kind === 'delta') return value;
  return (kind === 'epoch' ? value * 1000 - nowMs : value - nowMs) / 1000;
}

export function describeResetKind(kind: ResetKind): string {
  return kind === 'delta' ? 'seconds until the reset' : kind === 'epoch' ? 'epoch seconds' : 'epoch milliseconds';
}
