/**
 * specgate's auth suite: secured operations refuse missing and invalid credentials with 401 and a
 * WWW-Authenticate challenge, public ones stay open, and roles that may not call an operation get 403.
 * Needs `identities` in the config (and `roles` or x-roles in the document for the role check).
 *
 *   SPECGATE_CONFIG=./specgate.config.ts npx vitest run --config node_modules/specgate/suites/vitest.config.ts auth
 */
import { describeContract } from 'specgate/vitest';

describeContract({ suites: ['auth'] });
