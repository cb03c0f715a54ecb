/**
 * specgate's errors suite: error bodies follow the API's error format, every response carries the request
 * id, no stack traces leak, no request provokes a 5xx, and malformed input is refused with 4xx.
 *
 *   SPECGATE_CONFIG=./specgate.config.ts npx vitest run --config node_modules/specgate/suites/vitest.config.ts errors
 */
import { describeContract } from 'specgate/vitest';

describeContract({ suites: ['errors'] });
