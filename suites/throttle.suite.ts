/**
 * specgate's throttle suite: documented rate limits hold, answer 429 with Retry-After, are kept per key, and
 * recover. Its probes run one at a time after the other checks; keep this file out of runs that test the
 * same API in parallel (suites/vitest.config.ts runs the suite files one after another).
 *
 *   SPECGATE_CONFIG=./specgate.config.ts npx vitest run --config node_modules/specgate/suites/vitest.config.ts throttle
 */
import { describeContract } from 'specgate/vitest';

describeContract({ suites: ['throttle'] });
