import { defineConfig } from 'specgate';

export default defineConfig({
  spec: './api/openapi.json',
  // The project's own checks: they run in `specgate run` and in describeContract() beside the built-in ones.
  suites: ['./contract/*.suite.ts'],
  identities: {
    // In CI, take the token from a secret: { bearer: '${BOOKSHELF_TOKEN}' }.
    reader: { credentials: { bearer: 'reader-token' } },
  },
  fixtures: { default: { book_id: 'b-1' } },
  errors: { format: 'envelope' },
});
