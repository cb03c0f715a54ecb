import { describeContract } from '../../src/vitest/index.js';
import { BEARER_SPEC, bearerConfig } from '../fixtures/auth/config.js';
import { TokenAuthority } from '../fixtures/auth/data.js';
import { modelsExpress } from '../fixtures/auth/models-express.js';

// The vitest front door: the same auth and tenancy checks, one test per operation × check, all passing on the correct API.
const tokens = new TokenAuthority();
describeContract({
  config: { ...(await bearerConfig(tokens)), spec: BEARER_SPEC },
  target: modelsExpress('correct', tokens),
  suites: ['auth', 'tenancy'],
  allowDestructive: true,
});
