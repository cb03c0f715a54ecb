import { selectOperations } from '../../run/select.js';
import { isPublic, type Operation } from '../../spec/model.js';
import { formatWindow } from '../../throttle/duration.js';
import { allowedOf, burstMs, knownPrior, statusSummary, throttledOf } from '../../throttle/probe/observations.js';
import type { Burst } from '../../throttle/probe/types.js';
import { throttleTargets } from '../../throttle/targets.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { onBurst, throttleCheck } from './common.js';
import { documentedRate, scopeNote, slowBurst } from './describe.js';

export const enforced: CheckDefinition = {
  ...throttleCheck,
  id: 'throttle.enforced',
  title: 'A documented throttle answers 429 once its limit is used up',
  severity: 'error',
  explain: {
    asserts:
      'Within one window, a burst of the documented limit + 1 requests (up to 2 × limit + 5 if none is refused) gets 429 Too Many Requests. The burst starts from a fresh window and is counted exactly, even though it is sent concurrently.',
    why: 'A limit that never fires leaves logins open to brute force and the API to resource exhaustion; a refusal with another status (403, 503) is not understood by clients as throttling.',
    references: ['RFC 6585 §4 (429 Too Many Requests)', 'OWASP API4:2023 Unrestricted Resource Consumption', 'OWASP API2:2023 Broken Authentication (brute force)'],
    fix: 'Apply the limiter to the route (middleware order, router it is mounted on), answer 429, or correct x-rate-limit / throttles in the config.',
  },
  appliesTo(operation, ctx) {
    return problemsOn(operation, ctx).length > 0 ? undefined : throttleCheck.appliesTo(operation, ctx);
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const problems = problemsOn(operation, ctx);
    const reported = problems.length > 0 ? [errored(`a throttle cannot be read: ${problems.join('; ')}`)] : [];
    const applies = throttleCheck.appliesTo(operation, ctx);
    if (applies === false) return reported;
    return [...reported, ...(applies ? [applies] : await probed(ctx))];
  },
};

const probed = onBurst(judge);

function judge(burst: Burst): Finding[] {
  const throttled = throttledOf(burst);
  const allowed = allowedOf(burst).length;
  const notProbed = burst.target.notProbed.length > 0 ? `; not probed, a tighter limit answers first: ${burst.target.notProbed.join(', ')}` : '';
  const sent = `the probe sent ${burst.requests} requests in ${burstMs(burst)} ms${burst.waitedMs > 0 ? ` after waiting ${(burst.waitedMs / 1000).toFixed(1)} s for a fresh window` : ''}; ${burst.start}${notProbed}`;
  if (throttled.length > 0) {
    const first = allowed + knownPrior(burst) + 1;
    return [pass(`the first 429 came at request ${first} of the window${scopeNote(burst)}; the limit is ${documentedRate(burst)}; ${sent}`, { exchange: throttled[0]!.exchange })];
  }
  if (allowed === 0) {
    const failed = burst.sent[burst.sent.length - 1]!.exchange;
    return [errored(`no request of the burst was answered: ${failed.error}`, { exchange: failed })];
  }
  const slow = slowBurst(burst);
  if (slow) return [skip(`no 429 came, but ${slow}`, 'concurrency (raise it so the burst fits in one window)')];
  const statuses = statusSummary(burst.sent);
  const refusal = unreached(burst);
  if (refusal) return [skip(`no 429 came, but every request was answered ${statuses}: ${refusal.why}`, refusal.enableWith, { exchange: burst.sent[0]!.exchange })];
  const window = burst.windowSeconds === undefined ? '' : ` within ${formatWindow(burst.windowSeconds)}`;
  const refused = /\b(403|503)×/.test(statuses);
  return [
    fail(
      `never throttled: ${burst.sent.length} requests${window}${scopeNote(burst)} answered ${statuses}; the limit is ${documentedRate(burst)}, so request ${burst.limit + 1} should have answered 429 (RFC 6585 §4); ${sent}`,
      refused
        ? 'answer 429 Too Many Requests when the limit is reached (RFC 6585 §4), not 403 or 503; @fastify/rate-limit answers 403 once `ban` is exceeded'
        : `apply the rate limiter to ${burst.operation.key} (check the middleware order and that the route is mounted behind the limiter), or correct ${burst.target.configKey}`,
      { exchange: burst.sent[burst.sent.length - 1]!.exchange },
    ),
  ];
}

/**
 * When every answer is a refusal that may come before the limiter (authentication, routing), the burst proves
 * nothing. On a public operation (a login) a 401 or 403 is the operation's own answer — wrong credentials in the
 * body — and exactly what the limiter must count (OWASP API2:2023: brute force), so it proves the limit is missing.
 */
function unreached(burst: Burst): { why: string; enableWith: string } | undefined {
  const statuses = new Set(burst.sent.map((sent) => sent.exchange.response?.status));
  if (!isPublic(burst.operation) && [...statuses].every((status) => status === 401 || status === 403)) {
    const who = burst.caller.identity ? `identity "${burst.caller.identity.name}"` : 'an anonymous caller';
    return { why: `${who} was refused, and a limiter behind authentication never counts such requests`, enableWith: `identities${burst.caller.identity ? `.${burst.caller.identity.name}` : ''} (credentials the API accepts)` };
  }
  if (statuses.size === 1 && statuses.has(404)) return { why: 'the route may not exist, so the limiter may never be reached (see paths.resolves)', enableWith: 'fixtures (values of resources that exist)' };
  return undefined;
}

/** Unreadable throttle declarations of this operation; those of the config as a whole go on the first operation in scope. */
function problemsOn(operation: Operation, ctx: CheckContext): string[] {
  const { problems } = throttleTargets(ctx.spec, ctx.config);
  const first = () => selectOperations(ctx.spec, ctx.config, undefined)[0];
  return problems.filter((p) => p.operation === operation || (p.operation === undefined && operation === first())).map((p) => p.message);
}
