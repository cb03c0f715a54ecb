import { describe, expect, it } from 'vitest';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';
import { fixedWindow, type ThrottleFault } from '../fixtures/throttle/fixed-window.js';
import { quotesExpress } from '../fixtures/throttle/quotes-express.js';
import { QUOTES_CONFIG, QUOTES_SPEC } from './support.js';

const FAULTS: [Exclude<ThrottleFault, 'correct'>, string, RegExp][] = [
  ['never-throttles', 'throttle.enforced', /never throttled: 15 requests within 1 s/],
  ['double-limit', 'throttle.limit-matches', /first 429 came at request 11 .*allows 10 requests where the limit is 5 per 1 s/],
  ['no-retry-after', 'throttle.retry-after', /the 429 response: no Retry-After header/],
  ['long-retry-after', 'throttle.retry-after', /Retry-After: 30 \(30 s\) is longer than the 1 s window/],
  ['stuck-remaining', 'throttle.headers', /remaining did not go down by one per allowed request/],
  ['shared-bucket', 'throttle.key-isolation', /bob got 429 although only alice had used up the limit/],
  ['no-recovery', 'throttle.recovery', /still 429 after waiting 1 s \(Retry-After: 1\)/],
];

describe('each faulty limiter fails exactly one throttle check', () => {
  it.each(FAULTS)('%s fails %s', async (fault, check, message) => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(fixedWindow(fault)), config: QUOTES_CONFIG, selection: { suites: ['throttle'] } });
    expect(failedChecks(report), JSON.stringify(report.results, null, 1)).toEqual([check]);
    expect(resultsOf(report, check)[0]!.message).toMatch(message);
  });
});
