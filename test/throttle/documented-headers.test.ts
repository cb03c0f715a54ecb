import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsOf, runAgainst } from '../helpers/contract.js';
import { expressRateLimit } from '../fixtures/throttle/express-rate-limit.js';
import { quotesExpress } from '../fixtures/throttle/quotes-express.js';
import { slidingWindow } from '../fixtures/throttle/sliding-window.js';
import { QUOTES_CONFIG, QUOTES_SPEC } from './support.js';

let dir: string;
let spec: string;

/** quotes.openapi.json with X-RateLimit-Limit and -Remaining documented on GET /quotes 200. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specgate-throttle-'));
  spec = join(dir, 'openapi.json');
  const document = JSON.parse(await readFile(QUOTES_SPEC, 'utf8'));
  document.paths['/quotes'].get.responses['200'].headers = { 'X-RateLimit-Limit': { schema: { type: 'integer' } }, 'X-RateLimit-Remaining': { schema: { type: 'integer' } } };
  await writeFile(spec, JSON.stringify(document));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const selection = { checks: ['throttle.headers'] };

describe('rate-limit headers the document lists', () => {
  it('must be sent', async () => {
    const report = await runAgainst({ spec, app: quotesExpress(slidingWindow()), config: QUOTES_CONFIG, selection });
    expect(resultsOf(report, 'throttle.headers')[0]).toMatchObject({
      outcome: 'fail',
      message: 'X-RateLimit-Limit is documented on 200 responses, but 5 of 5 came without it; X-RateLimit-Remaining is documented on 200 responses, but 5 of 5 came without it',
    });
  });

  it('pass when the limiter sends them', async () => {
    const report = await runAgainst({ spec, app: quotesExpress(expressRateLimit('legacy')), config: QUOTES_CONFIG, selection });
    expect(resultsOf(report, 'throttle.headers')[0]!.outcome).toBe('pass');
  });
});
