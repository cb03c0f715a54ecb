import { judgeRateLimitHeaders } from '../../throttle/header-consistency.js';
import { allowedOf, knownPrior, throttledOf } from '../../throttle/probe/observations.js';
import { isRateLimitHeader } from '../../throttle/rate-limit-headers.js';
import type { Burst } from '../../throttle/probe/types.js';
import type { CheckDefinition } from '../check.js';
import { fail, pass, skip, type Finding } from '../result.js';
import { onBurst, throttleCheck } from './common.js';

export const headers: CheckDefinition = {
  ...throttleCheck,
  id: 'throttle.headers',
  title: 'Rate-limit headers agree with the limit and with what happened',
  severity: 'error',
  explain: {
    asserts:
      'When the API sends rate-limit headers (IETF RateLimit / RateLimit-Policy structured fields, draft-07 RateLimit, RateLimit-Limit/-Remaining/-Reset, or X-RateLimit-*), they announce the documented (or the enforced) limit and window, remaining goes down by one per request to 0 at the first 429 and is 0 on every 429, and reset is of one kind — epoch seconds or seconds until the reset, inferred from the magnitude — and points inside the window. Headers the document lists must be sent.',
    why: 'Clients pace themselves by these headers; a remaining that does not count down or a reset of the wrong kind makes them either hammer the API or wait far too long.',
    references: ['draft-ietf-httpapi-ratelimit-headers-11 (RateLimit, RateLimit-Policy)', 'RFC 9651 (Structured Field Values)', 'RFC 6585 §4'],
    fix: 'Let the limiter set the headers from its own counter (express-rate-limit standardHeaders, @fastify/rate-limit), or stop sending headers that do not track it.',
  },
  run: onBurst(judge),
};

function judge(burst: Burst): Finding[] {
  const otherRefusal = refusedWithout429(burst);
  if (otherRefusal !== undefined) {
    return [skip(`the limiter refused with ${otherRefusal} instead of 429 (see throttle.enforced), so its headers cannot be told apart from allowed requests`, 'a limiter that answers 429 (throttle.enforced)')];
  }
  const answered = burst.sent.filter((sent) => sent.exchange.response);
  const samples = answered.map((sent) => ({ status: sent.exchange.response!.status, headers: sent.exchange.response!.headers, at: sent.at }));
  const throttled = throttledOf(burst).length > 0;
  const exact = 'exact' in burst.prior;
  const verdict = judgeRateLimitHeaders(samples, {
    documentedLimit: burst.limit,
    enforcedLimit: throttled && exact ? allowedOf(burst).length + knownPrior(burst) : undefined,
    windowSeconds: burst.windowSeconds,
  });
  const missing = missingDocumented(burst);
  const evidence = { exchange: (throttledOf(burst)[0] ?? answered[0] ?? burst.sent[0]!).exchange };
  if (verdict.families.length === 0 && missing.length === 0) {
    return [skip('the API sends no rate-limit headers and the document lists none', 'rate-limit headers in the API responses (RateLimit / RateLimit-Policy, or X-RateLimit-*)')];
  }
  const problems = [...missing, ...verdict.problems];
  if (problems.length > 0) {
    return [fail(problems.join('; '), 'set the rate-limit headers from the limiter\'s own counter (one decrement per request, 0 when refusing, reset within the window), and send the ones the document lists', evidence)];
  }
  return [pass(`${answered.length} responses: ${verdict.summaries.join('; ')}`, evidence)];
}

/**
 * The status a limiter refused with when it never answered 429 but some requests succeeded and later ones got 403
 * or 503 (@fastify/rate-limit's `ban`, a proxy's 503): throttle.enforced reports it; reading those refusals as
 * allowed requests would only repeat that finding as a header problem.
 */
function refusedWithout429(burst: Burst): number | undefined {
  if (throttledOf(burst).length > 0) return undefined;
  const statuses = burst.sent.map((sent) => sent.exchange.response?.status);
  if (!statuses.some((status) => status !== undefined && status >= 200 && status < 300)) return undefined;
  return statuses.find((status) => status === 403 || status === 503);
}

/** Rate-limit headers the document lists for a status class that came without them. */
function missingDocumented(burst: Burst): string[] {
  const problems: string[] = [];
  for (const response of burst.operation.responses) {
    const names = Object.keys(response.headers).filter(isRateLimitHeader);
    const matching = burst.sent.filter((sent) => {
      const status = sent.exchange.response?.status;
      return status !== undefined && (response.status === String(status) || response.status.toUpperCase() === `${String(status)[0]}XX`);
    });
    for (const name of names) {
      const without = matching.filter((sent) => sent.exchange.response!.headers[name.toLowerCase()] === undefined);
      if (without.length > 0) problems.push(`${name} is documented on ${response.status} responses, but ${without.length} of ${matching.length} came without it`);
    }
  }
  return problems;
}
