import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Inside the specgate repository, `specgate` is its own source; a real project resolves the installed package
  // and needs no alias.
  resolve: {
    alias: {
      'specgate/vitest': fileURLToPath(new URL('../../src/vitest/index.ts', import.meta.url)),
      specgate: fileURLToPath(new URL('../../src/index.ts', import.meta.url)),
    },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
  },
});
