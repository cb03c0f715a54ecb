import type { CheckContext } from '../../checks/check.js';
import { matchOperation } from '../../spec/match.js';
import type { Operation } from '../../spec/model.js';
import type { ThrottleTarget } from '../model.js';
import { callerFor, probingIdentity, secondIdentity, sendMany } from './caller.js';
import { isThrottled } from './observations.js';
import { openWindow } from './opening.js';
import type { Burst, Probe, Sent, Unavailable } from './types.js';

/**
 * The shared probe of a throttle, run once per target however many checks read it: a fresh window, then
 * `limit` requests at once (the opening is the first), then — only if none was refused — the rest up to
 * 2 × limit + 5 at once. Counting allowed answers rather than finding the first 429 in send order keeps the
 * count exact although the requests run concurrently.
 */
export function probeThrottle(ctx: CheckContext, target: ThrottleTarget, operation: Operation): Promise<Probe> {
  return ctx.shared(`throttle ${target.id}`, () => runProbe(ctx, target, operation));
}

async function runProbe(ctx: CheckContext, target: ThrottleTarget, operation: Operation): Promise<Probe> {
  const unavailable = (outcome: Unavailable, requests = 0): Probe => ({ outcome, latestThrottled: undefined, unreported: requests });
  const who = probingIdentity(ctx, target, operation);
  if (!('identity' in who)) return unavailable(who);
  const caller = callerFor(ctx, operation, who.identity);
  if (!('request' in caller)) return unavailable(caller);
  try {
    await caller.identity?.credentials();
    if (target.key === 'identity') await secondIdentity(ctx, operation, caller.identity)?.credentials();
  } catch (error) {
    return unavailable({ error: `could not obtain credentials before the burst: ${(error as Error).message}` });
  }
  const opening = await openWindow(ctx, target, caller, earlierRequests(ctx, target));
  if (!('sent' in opening)) return unavailable(opening, opening.requests);
  const cap = 2 * opening.limit + 5;
  if (cap > ctx.config.safety.maxRequests) {
    const skip = `proving a limit of ${opening.limit} takes up to ${cap} requests, more than safety.maxRequests (${ctx.config.safety.maxRequests})`;
    return unavailable({ skip, enableWith: 'safety.maxRequests' }, opening.requests);
  }
  const prior = 'exact' in opening.prior ? opening.prior.exact : 0;
  const sent: Sent[] = [opening.sent, ...(await sendMany(ctx, caller, opening.limit - prior))];
  if (!sent.some(isThrottled)) sent.push(...(await sendMany(ctx, caller, cap - sent.length)));
  const burst: Burst = {
    target,
    operation,
    caller,
    limit: opening.limit,
    windowSeconds: opening.windowSeconds,
    limitSource: opening.limitSource,
    sent,
    prior: opening.prior,
    start: opening.start,
    requests: opening.requests - 1 + sent.length,
    waitedMs: opening.waitedMs,
  };
  const latestThrottled = sent.filter(isThrottled).sort((a, b) => b.at - a.at)[0];
  return { outcome: { burst }, latestThrottled, unreported: burst.requests };
}

/** Requests this run already sent to the throttle's operations (they may still count in its window). */
function earlierRequests(ctx: CheckContext, target: ThrottleTarget): number {
  return ctx.exchanges().filter((exchange) => {
    const operation = matchOperation(ctx.spec, exchange.request.method, exchange.request.path);
    return operation !== undefined && target.operations.includes(operation);
  }).length;
}
