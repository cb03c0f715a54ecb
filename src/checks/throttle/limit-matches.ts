import { allowedOf, burstMs, knownPrior, throttledOf } from '../../throttle/probe/observations.js';
import { readingsOf } from '../../throttle/announced.js';
import type { Burst } from '../../throttle/probe/types.js';
import type { CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { onBurst, throttleCheck } from './common.js';
import { documentedRate, scopeNote, slowBurst } from './describe.js';

export const limitMatches: CheckDefinition = {
  ...throttleCheck,
  id: 'throttle.limit-matches',
  title: 'The first 429 comes at request limit + 1',
  severity: 'error',
  explain: {
    asserts:
      'Counting every allowed answer of one fresh window (so concurrent requests are counted exactly), the server allows the documented number of requests: the first 429 comes at request limit + 1. A tolerance (`tolerance` in x-rate-limit or throttles[]) absorbs sliding windows and token buckets; by default it is what can refill while the burst runs (limit × burst time / window, rounded down).',
    why: 'A lower limit than documented throttles well-behaved clients that pace themselves by the document; a higher one weakens brute-force and abuse protection the document promises.',
    references: ['RFC 6585 §4 (429 Too Many Requests)', 'OWASP API4:2023 Unrestricted Resource Consumption'],
    fix: 'Configure the limiter with the documented rate (count and window), or document the rate the API enforces.',
  },
  run: onBurst(judge),
};

function judge(burst: Burst): Finding[] {
  if (throttledOf(burst).length === 0) return [skip('never throttled within the bound, so there is no first 429 to place (see throttle.enforced)', 'a limiter that answers 429 (throttle.enforced)')];
  const slow = slowBurst(burst);
  if (slow) return [skip(`cannot count within one window: ${slow}`, 'concurrency (raise it so the burst fits in one window)')];
  const unanswered = burst.sent.filter((s) => !s.exchange.response);
  if (unanswered.length > 0) {
    return [errored(`${unanswered.length} requests of the burst got no answer, so the count is uncertain: ${unanswered[0]!.exchange.error}`, { exchange: unanswered[0]!.exchange })];
  }
  const counted = allowedOf(burst).length + knownPrior(burst);
  const tolerance = burst.target.tolerance ?? (burst.windowSeconds === undefined ? 0 : Math.floor((burst.limit * burstMs(burst)) / (burst.windowSeconds * 1000)));
  const uncounted = 'atMost' in burst.prior ? burst.prior.atMost : 0;
  const evidence = { exchange: throttledOf(burst)[0]!.exchange };
  const at = `the first 429 came at request ${counted + 1} of the window${scopeNote(burst)}`;
  const leeway = tolerance > 0 ? `, tolerance ${tolerance}` : '';
  if (counted > burst.limit + tolerance) {
    return [
      fail(
        `${at}: the server allows ${counted} requests where the limit is ${documentedRate(burst)}${leeway}${announced(burst)}`,
        `set the limiter for ${burst.operation.key} to ${burst.limit} requests${burst.windowSeconds === undefined ? '' : ` per ${burst.windowSeconds} s`}, or document ${counted} in ${burst.target.configKey}`,
        evidence,
      ),
    ];
  }
  if (counted < burst.limit - tolerance - uncounted) {
    return [
      fail(
        `${at}: the server allows only ${counted} requests where the limit is ${documentedRate(burst)}${leeway}${announced(burst)}; ${burst.start}`,
        `raise the limiter for ${burst.operation.key} to ${burst.limit}, check that no other route counts into the same bucket, or document ${counted} in ${burst.target.configKey}`,
        evidence,
      ),
    ];
  }
  const note = counted === burst.limit ? '' : ` (within the tolerance of ${tolerance}${uncounted > 0 ? ` and ${uncounted} earlier requests` : ''})`;
  return [pass(`${at}, matching the limit of ${documentedRate(burst)}${note}`, evidence)];
}

/** `; the server's X-RateLimit-* announces 10` when the headers state a different limit than the document. */
function announced(burst: Burst): string {
  const response = burst.sent[0]!.exchange.response;
  const reading = response && readingsOf(response, { limit: burst.limit, window: burst.windowSeconds }).find((r) => r.limit !== undefined);
  return reading && reading.limit !== burst.limit ? `; the server's ${reading.family} announces ${reading.limit}` : '';
}
