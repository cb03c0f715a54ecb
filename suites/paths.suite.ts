/**
 * specgate's paths suite: every documented path and method resolves, answers documented statuses, content
 * types and schemas; undocumented methods answer 405 and unknown paths 404.
 *
 * Run it as it is against the API your config names (see README "CI"):
 *   SPECGATE_CONFIG=./specgate.config.ts npx vitest run --config node_modules/specgate/suites/vitest.config.ts paths
 * or copy it into your tests and pass describeContract the config and your app as `target`.
 */
import { describeContract } from 'specgate/vitest';

describeContract({ suites: ['paths'] });
