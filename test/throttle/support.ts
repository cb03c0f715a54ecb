import { fileURLToPath } from 'node:url';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Report } from '../../src/report/model.js';

export const QUOTES_SPEC = fileURLToPath(new URL('../fixtures/throttle/quotes.openapi.json', import.meta.url));

/** Two identities with their own buckets, and the quote the `{quote_id}` route needs. */
export const QUOTES_CONFIG: ConfigInput = {
  identities: {
    alice: { headers: { Authorization: 'Bearer alice-token' } },
    bob: { headers: { Authorization: 'Bearer bob-token' } },
  },
  fixtures: { default: { quote_id: 'q-1' } },
};

/** `check → outcome` for the throttle results, to compare whole verdicts in one assertion. */
export function throttleOutcomes(report: Report): Record<string, string> {
  return Object.fromEntries(report.results.filter((r) => r.check.startsWith('throttle.')).map((r) => [r.check, r.outcome]));
}

export const ALL_PASS = {
  'throttle.enforced': 'pass',
  'throttle.limit-matches': 'pass',
  'throttle.retry-after': 'pass',
  'throttle.headers': 'pass',
  'throttle.key-isolation': 'pass',
  'throttle.recovery': 'pass',
};

export const ACCOUNTS_SPEC = fileURLToPath(new URL('../fixtures/throttle/accounts.openapi.json', import.meta.url));
