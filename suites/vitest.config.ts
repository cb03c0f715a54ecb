import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Runs the built-in suites as they are: `SPECGATE_CONFIG` names the config (default: specgate.config.* in the
 * working directory) and `SPECGATE_BASE_URL` may override its base URL.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.suite.ts'],
    exclude: [],
    // The suites share one API: one file at a time, so the throttle probes run alone.
    fileParallelism: false,
  },
});
