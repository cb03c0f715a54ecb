/**
 * specgate's tenancy suite: one tenant cannot read another's resources, and gets the same 404 for them as
 * for ids that do not exist. Needs identities of two tenants and their `fixtures` in the config.
 *
 *   SPECGATE_CONFIG=./specgate.config.ts npx vitest run --config node_modules/specgate/suites/vitest.config.ts tenancy
 */
import { describeContract } from 'specgate/vitest';

describeContract({ suites: ['tenancy'] });
