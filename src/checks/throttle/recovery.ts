import { readingsOf, resetSeconds, retryAfterSeconds } from '../../throttle/announced.js';
import { formatWindow } from '../../throttle/duration.js';
import { sendAs } from '../../throttle/probe/caller.js';
import { waitFor } from '../../throttle/probe/clock.js';
import type { Burst, Probe } from '../../throttle/probe/types.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { onBurst, throttleCheck } from './common.js';

export const recovery: CheckDefinition = {
  ...throttleCheck,
  id: 'throttle.recovery',
  title: 'After waiting Retry-After, requests are allowed again',
  severity: 'error',
  explain: {
    asserts:
      'After the wait the last 429 announced (Retry-After, else the reset header, else the window; never more than the documented window), the next request is not 429. Skipped when that wait is longer than --max-wait (default 65 s): long windows are checked for everything else in one burst.',
    why: 'A limiter that never forgets (a ban, a window extended by every refused request, a counter that is never reset) locks clients out for good, and a Retry-After they obey must be enough.',
    references: ['RFC 9110 §10.2.3 (Retry-After)', 'RFC 6585 §4'],
    fix: 'Expire counts after the window (fixed window: reset the counter; sliding: drop timestamps older than the window) and keep Retry-After consistent with it.',
  },
  run: onBurst(judge),
};

async function judge(burst: Burst, probe: Probe, ctx: CheckContext): Promise<Finding[]> {
  const last = probe.latestThrottled;
  if (!last) return [skip('never throttled, so there is nothing to recover from (see throttle.enforced)', 'a limiter that answers 429 (throttle.enforced)')];
  const response = last.exchange.response!;
  const announced = retryAfterSeconds(response, last.at);
  const reset = resetSeconds(readingsOf(response, { limit: burst.limit, window: burst.windowSeconds }), last.at);
  const [told, why] = announced !== undefined ? [announced, `Retry-After: ${response.headers['retry-after']}`] : reset !== undefined ? [reset, 'the reset header'] : [burst.windowSeconds, 'the window'];
  if (told === undefined) return [skip('nothing says when the window ends: no Retry-After, no reset header, no documented window', `${burst.target.configKey}.window`)];
  const window = burst.windowSeconds;
  const wait = window !== undefined && told > window ? window : told;
  const reason = wait === told ? why : `the ${formatWindow(window!)} window; ${why} asked for more`;
  if (wait > ctx.maxWaitSeconds) {
    return [skip(`recovering needs a wait of ${Math.ceil(wait)} s (${reason}), longer than --max-wait ${ctx.maxWaitSeconds} s; the other throttle checks ran in one burst`, `--max-wait ${Math.ceil(wait) + 1}`)];
  }
  await waitFor(wait, last.at);
  const after = await sendAs(ctx, burst.caller);
  const requests = 1;
  const status = after.exchange.response?.status;
  if (status === undefined) return [errored(`no response after waiting: ${after.exchange.error}`, { exchange: after.exchange, requests })];
  if (status === 429) {
    return [
      fail(
        `still 429 after waiting ${wait} s (${reason}) since the last refusal: the limiter does not let requests through again`,
        'expire counts once the window has passed (and do not extend the block on refused requests), so that obeying Retry-After is enough',
        { exchange: after.exchange, requests },
      ),
    ];
  }
  return [pass(`answered ${status} after waiting ${wait} s (${reason}) since the last 429`, { exchange: after.exchange, requests })];
}
