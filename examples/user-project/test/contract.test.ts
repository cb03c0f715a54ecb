import { fileURLToPath } from 'node:url';
import { describeContract } from 'specgate/vitest';
import { createBookshelf } from '../api/app.js';

// specgate's built-in checks and the project's own (config `suites`), one test per operation × check,
// against the app in this process.
describeContract({
  config: fileURLToPath(new URL('../specgate.config.ts', import.meta.url)),
  target: createBookshelf(),
});
