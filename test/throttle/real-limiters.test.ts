import { describe, expect, it } from 'vitest';
import { resultsOf, runAgainst } from '../helpers/contract.js';
import { expressRateLimit, type ErlHeaders } from '../fixtures/throttle/express-rate-limit.js';
import { quotesExpress } from '../fixtures/throttle/quotes-express.js';
import { quotesFastify } from '../fixtures/throttle/quotes-fastify.js';
import { slidingWindow } from '../fixtures/throttle/sliding-window.js';
import { fixedWindow } from '../fixtures/throttle/fixed-window.js';
import { ALL_PASS, QUOTES_CONFIG, QUOTES_SPEC, throttleOutcomes } from './support.js';

const throttleSuite = { suites: ['throttle'] };

describe('correct limiters pass every throttle check', () => {
  it.each<ErlHeaders>(['legacy', 'draft-6', 'draft-7', 'draft-8'])('express-rate-limit 8 with %s headers', async (headers) => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(expressRateLimit(headers)), config: QUOTES_CONFIG, selection: throttleSuite });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual(ALL_PASS);
    expect(report.results.map((r) => r.operation)).toEqual(Array(6).fill('GET /quotes'));
    expect(report.results.reduce((sum, r) => sum + (r.requests ?? 0), 0)).toBe(report.summary.requests);
  });

  it('@fastify/rate-limit 11', async () => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesFastify(), config: QUOTES_CONFIG, selection: throttleSuite });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual(ALL_PASS);
  });

  it('a fixed window with IETF draft-11 RateLimit / RateLimit-Policy fields', async () => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(fixedWindow('correct')), config: QUOTES_CONFIG, selection: throttleSuite });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual(ALL_PASS);
  });

  it('a DRF-style sliding window without rate-limit headers (headers skipped, with the reason)', async () => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(slidingWindow()), config: QUOTES_CONFIG, selection: throttleSuite });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual({ ...ALL_PASS, 'throttle.headers': 'skip' });
  });
});

describe('after other suites used part of the window', () => {
  it('waits for the reset the headers announce (express-rate-limit, legacy headers)', async () => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(expressRateLimit('legacy')), config: QUOTES_CONFIG, selection: { suites: ['paths', 'throttle'] } });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual(ALL_PASS);
    expect(resultsOf(report, 'throttle.enforced')[0]!.message).toMatch(/after waiting \d\.\d s for a fresh window; X-RateLimit-\* announced a full quota/);
  });

  it('waits one whole window without headers (DRF-style sliding window)', async () => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(slidingWindow()), config: QUOTES_CONFIG, selection: { suites: ['paths', 'throttle'] } });
    expect(throttleOutcomes(report), JSON.stringify(report.results, null, 1)).toEqual({ ...ALL_PASS, 'throttle.headers': 'skip' });
    expect(resultsOf(report, 'throttle.enforced')[0]!.message).toMatch(/waited one window after the last request/);
  });
});

describe('what a throttle check needs to run', () => {
  it('skips key-isolation without a second identity, naming the key to configure', async () => {
    const report = await runAgainst({
      spec: QUOTES_SPEC,
      app: quotesExpress(expressRateLimit('draft-7')),
      config: { ...QUOTES_CONFIG, identities: { alice: { headers: { Authorization: 'Bearer alice-token' } } } },
      selection: { checks: ['throttle.enforced', 'throttle.key-isolation'] },
    });
    expect(throttleOutcomes(report)).toEqual({ 'throttle.enforced': 'pass', 'throttle.key-isolation': 'skip' });
    expect(resultsOf(report, 'throttle.key-isolation')[0]!.enableWith).toBe('identities (a second identity allowed to call the operation)');
  });

  it('skips every check of a secured throttle when no identity is configured', async () => {
    const report = await runAgainst({ spec: QUOTES_SPEC, app: quotesExpress(expressRateLimit('draft-7')), config: { fixtures: QUOTES_CONFIG.fixtures }, selection: throttleSuite });
    expect(new Set(report.results.map((r) => `${r.outcome} ${r.enableWith}`))).toEqual(new Set(['skip identities (with a role allowed to call it)']));
    expect(report.summary.requests).toBe(0);
  });
});
