import { describe, expect, it } from 'vitest';
import { judgeRateLimitHeaders, type HeaderSample } from '../../src/throttle/header-consistency.js';

const AT = Date.parse('2026-01-01T00:00:00Z');
const DATE = new Date(AT).toUTCString();

/** A legacy X-RateLimit-* window of 5 with an epoch reset, answered in the given (concurrent) order. */
function legacy(remainings: number[], reset: number, statuses = remainings.map((_, i) => (i < 5 ? 200 : 429))): HeaderSample[] {
  return remainings.map((remaining, i) => ({
    status: statuses[i]!,
    at: AT,
    headers: { date: DATE, 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(reset) },
  }));
}

const expected = { documentedLimit: 5, enforcedLimit: 5, windowSeconds: 60 };

describe('rate-limit headers add up', () => {
  it('accepts remaining counting down in any order (the burst is concurrent) and an epoch reset inside the window', () => {
    const verdict = judgeRateLimitHeaders(legacy([3, 4, 0, 2, 1, 0], AT / 1000 + 60), expected);
    expect(verdict.problems).toEqual([]);
    expect(verdict.summaries).toEqual(['X-RateLimit-*: limit 5, remaining 4 → 0 one per request, 0 on every 429, reset as epoch seconds']);
  });

  it('finds a remaining that skips or repeats, and one that is not 0 on a 429', () => {
    const verdict = judgeRateLimitHeaders(legacy([4, 3, 3, 1, 0, 1], AT / 1000 + 60), expected);
    expect(verdict.problems).toEqual([
      'X-RateLimit-* remaining did not go down by one per allowed request: it took the values 4, 3, 3, 1, 0 over 5 requests',
      'X-RateLimit-* said 1 requests remained on a 429',
    ]);
  });

  it('finds an epoch reset far beyond the window, and one that mixes kinds', () => {
    expect(judgeRateLimitHeaders(legacy([4, 3, 2, 1, 0, 0], AT / 1000 + 3600), expected).problems).toEqual([
      'X-RateLimit-* reset 1767229200 (epoch seconds) is 3600 s away, outside the 60 s window',
    ]);
    const mixed = legacy([4, 3, 2, 1, 0, 0], AT / 1000 + 60);
    mixed[2]!.headers = { ...mixed[2]!.headers, 'x-ratelimit-reset': '59' };
    expect(judgeRateLimitHeaders(mixed, expected).problems).toEqual(['X-RateLimit-* reset mixes epoch seconds and seconds until the reset']);
  });

  it('wants IETF resets as seconds, and the announced limit as documented or as enforced', () => {
    const samples = [4, 3, 2, 1, 0].map((r) => ({ status: 200, at: AT, headers: { ratelimit: `"default";r=${r};t=${AT / 1000 + 30}`, 'ratelimit-policy': '"default";q=7;w=60' } }));
    expect(judgeRateLimitHeaders(samples, expected).problems).toEqual([
      'RateLimit announces a limit of 7, but the document says 5 and the server allowed 5',
      'RateLimit reset must be seconds until the reset, but 1767225630 looks like epoch seconds',
    ]);
  });

  it('checks the policy window against the documented one', () => {
    const samples = [{ status: 200, at: AT, headers: { ratelimit: '"default";r=4;t=10', 'ratelimit-policy': '"default";q=5;w=10' } }];
    expect(judgeRateLimitHeaders(samples, { ...expected, enforcedLimit: undefined }).problems).toEqual(['RateLimit announces a 10 s window, but the document says 60 s']);
  });

  it('reports malformed fields', () => {
    const samples = [{ status: 200, at: AT, headers: { ratelimit: 'remaining: 4' } }];
    expect(judgeRateLimitHeaders(samples, expected)).toMatchObject({ families: [], problems: ['RateLimit: remaining: 4 is malformed, so clients must ignore it'] });
  });
});
