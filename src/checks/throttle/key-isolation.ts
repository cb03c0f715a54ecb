import { callerFor, secondIdentity, sendAs } from '../../throttle/probe/caller.js';
import { isThrottled, throttledOf } from '../../throttle/probe/observations.js';
import type { Burst, Probe } from '../../throttle/probe/types.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { onBurst, throttleCheck } from './common.js';

export const keyIsolation: CheckDefinition = {
  ...throttleCheck,
  id: 'throttle.key-isolation',
  title: 'A per-identity limit does not throttle other identities',
  severity: 'error',
  explain: {
    asserts:
      'For a limit counted per identity (key: identity), right after identity A is throttled a request as identity B is not answered 429, while A still is.',
    why: 'A bucket shared by every caller (keyed by IP behind a proxy, or global) lets one client lock all the others out: a denial of service any user can trigger.',
    references: ['RFC 6585 §4 (429: "a given user")', 'OWASP API4:2023 Unrestricted Resource Consumption'],
    fix: 'Key the limiter by the authenticated identity (token or user id): express-rate-limit keyGenerator, @fastify/rate-limit keyGenerator, DRF UserRateThrottle.',
  },
  run: onBurst(judge),
};

async function judge(burst: Burst, probe: Probe, ctx: CheckContext): Promise<Finding[]> {
  const { target, operation, caller } = burst;
  if (target.key !== 'identity') {
    const counted = target.key === 'ip' ? 'counted per client address, the default' : 'counted for all callers together';
    return [skip(`${target.label} has key "${target.key}" (${counted}), so there are no per-identity buckets to compare`, `${target.configKey}.key: "identity" (if the API counts per identity)`)];
  }
  if (throttledOf(burst).length === 0) return [skip('the probing identity was never throttled, so there is nothing to compare (see throttle.enforced)', 'a limiter that answers 429 (throttle.enforced)')];
  const a = caller.identity?.name ?? 'anonymous';
  const other = secondIdentity(ctx, operation, caller.identity);
  if (!other) return [skip(`a second identity is needed to compare with ${a}`, 'identities (a second identity allowed to call the operation)')];
  const second = callerFor(ctx, operation, other);
  if (!('request' in second)) return [skip(`cannot build a request as ${other.name}: ${'skip' in second ? second.skip : second.error}`, 'skip' in second ? second.enableWith : 'identities')];
  const b = await sendAs(ctx, second);
  const again = await sendAs(ctx, caller);
  if (isThrottled(again)) probe.latestThrottled = again;
  const requests = 2;
  const status = b.exchange.response?.status;
  if (status === undefined) return [errored(`no response to the request as ${other.name}: ${b.exchange.error}`, { exchange: b.exchange, requests })];
  if (status === 429) {
    return [
      fail(
        `${other.name} got 429 although only ${a} had used up the limit of ${target.label}: the identities share one bucket`,
        'key the limiter by the authenticated identity (token or user id), not by client address or globally',
        { exchange: b.exchange, requests },
      ),
    ];
  }
  if (!isThrottled(again)) {
    return [skip(`${a}'s window ended before the comparison (${a} answered ${again.exchange.response?.status ?? 'nothing'}), so ${other.name}'s ${status} proves nothing`, `${target.configKey}.window (a longer window in the test environment)`, { requests })];
  }
  return [pass(`${other.name} got ${status} while ${a} was still throttled (429): each identity has its own bucket`, { exchange: b.exchange, requests })];
}
