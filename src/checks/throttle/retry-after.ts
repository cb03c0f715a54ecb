import { retryAfterSeconds } from '../../throttle/announced.js';
import { bodyWait } from '../../throttle/body-wait.js';
import { formatWindow } from '../../throttle/duration.js';
import { throttledOf } from '../../throttle/probe/observations.js';
import type { Burst, Sent } from '../../throttle/probe/types.js';
import type { CheckDefinition } from '../check.js';
import { fail, pass, skip, type Finding } from '../result.js';
import { onBurst, throttleCheck } from './common.js';

export const retryAfter: CheckDefinition = {
  ...throttleCheck,
  id: 'throttle.retry-after',
  title: 'Every 429 carries a usable Retry-After',
  severity: 'error',
  explain: {
    asserts:
      'Every 429 of the burst has Retry-After as delay-seconds or an HTTP-date, with 0 < value <= the window; when the body states a wait too (a field like wait_seconds or retry_after, or a sentence like "Expected available in 3 seconds"), the two agree.',
    why: 'Clients and proxies back off by Retry-After; without it they retry at once and stay throttled, a value longer than the window locks them out needlessly, and a body that says otherwise confuses whoever reads it.',
    references: ['RFC 9110 §10.2.3 (Retry-After)', 'RFC 6585 §4 (429 MAY include Retry-After)', 'draft-ietf-httpapi-ratelimit-headers (Retry-After takes precedence)'],
    fix: 'Send Retry-After with the seconds until the window frees a request (express-rate-limit does when a header option is on; DRF from Throttled.wait) and derive any wait in the body from the same value.',
  },
  run: onBurst(judge),
};

interface Problem {
  message: string;
  hint: string;
}

function judge(burst: Burst): Finding[] {
  const throttled = throttledOf(burst);
  if (throttled.length === 0) return [skip('no 429 came, so there is no Retry-After to inspect (see throttle.enforced)', 'a limiter that answers 429 (throttle.enforced)')];
  const problems = throttled.map((sent) => ({ sent, problem: inspect(sent, burst.windowSeconds) })).filter((p) => p.problem !== undefined);
  const [firstBad] = problems;
  if (firstBad) {
    const { sent, problem } = firstBad;
    const which = throttled.length === 1 ? 'the 429 response' : `${problems.length} of ${throttled.length} 429 responses`;
    return [fail(`${which}: ${problem!.message}`, problem!.hint, { exchange: sent.exchange })];
  }
  const values = [...new Set(throttled.map((s) => s.exchange.response!.headers['retry-after']))].join(', ');
  const window = burst.windowSeconds === undefined ? '' : ` (window ${formatWindow(burst.windowSeconds)})`;
  const waits = throttled.map((s) => bodyWait(s.exchange.response!.body)).filter((w) => w !== undefined);
  const agreed = waits.length > 0 ? `; the body's ${waits[0]!.source} agrees` : '';
  const carry = throttled.length === 1 ? 'the 429 response carries' : `all ${throttled.length} 429 responses carry`;
  return [pass(`${carry} Retry-After: ${values}${window}${agreed}`, { exchange: throttled[0]!.exchange })];
}

function inspect(sent: Sent, windowSeconds: number | undefined): Problem | undefined {
  const response = sent.exchange.response!;
  const raw = response.headers['retry-after'];
  if (raw === undefined) {
    return { message: 'no Retry-After header, so clients cannot tell when to retry (RFC 6585 §4, RFC 9110 §10.2.3)', hint: 'send Retry-After with the seconds until the window frees a request on every 429' };
  }
  const seconds = retryAfterSeconds(response, sent.at);
  if (seconds === undefined) {
    return { message: `Retry-After: ${raw} is neither delay-seconds (a non-negative integer) nor an HTTP-date (RFC 9110 §10.2.3)`, hint: 'write Retry-After as whole seconds, e.g. "Retry-After: 30"' };
  }
  if (seconds <= 0) return { message: `Retry-After: ${raw} asks for no wait, yet the next request would be refused too`, hint: 'round the wait up (Math.ceil), never down to 0' };
  if (windowSeconds !== undefined && seconds > Math.ceil(windowSeconds)) {
    return {
      message: `Retry-After: ${raw} (${seconds} s) is longer than the ${formatWindow(windowSeconds)} window: clients stay away longer than the limit requires`,
      hint: "compute Retry-After from the current window's reset (seconds until a request is allowed again), not a fixed value",
    };
  }
  const wait = bodyWait(response.body);
  if (wait && Math.abs(wait.seconds - seconds) > wait.slack) {
    return { message: `the body's ${wait.source} says ${wait.seconds} s but Retry-After says ${seconds} s`, hint: "derive the body's wait and Retry-After from the same value" };
  }
  return undefined;
}
