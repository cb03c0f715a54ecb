import { formatWindow } from '../../throttle/duration.js';
import { burstMs } from '../../throttle/probe/observations.js';
import type { Burst } from '../../throttle/probe/types.js';

/** `5 per 1 s (x-rate-limit of GET /quotes)`: the limit under test and where it is written. */
export function documentedRate(burst: Burst): string {
  const per = burst.windowSeconds === undefined ? '' : ` per ${formatWindow(burst.windowSeconds)}`;
  return `${burst.limit}${per} (${burst.limitSource})`;
}

/** `for scope "quotes" (…), ` when the probed operation shares its limit with others. */
export function scopeNote(burst: Burst): string {
  return burst.target.operations.length > 1 ? ` for ${burst.target.label}` : '';
}

/** A reason the burst cannot be trusted to have stayed inside one window, or undefined. */
export function slowBurst(burst: Burst): string | undefined {
  const ms = burstMs(burst);
  if (burst.windowSeconds === undefined || ms < burst.windowSeconds * 1000) return undefined;
  return `the burst took ${ms} ms, longer than the ${formatWindow(burst.windowSeconds)} window, so it may span two windows`;
}
