import { describeContract } from '../../src/vitest/index.js';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';

// The paths checks against the correct Catalog API, as tests of this very run: one per operation × check.
describeContract({
  config: { spec: 'test/fixtures/paths/catalog.openapi.json', fixtures: { default: { id: 1 } } },
  target: catalogExpress('correct'),
  suites: ['paths'],
});
