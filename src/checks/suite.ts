import type { CheckDefinition } from './check.js';

/** A project's own checks, in a file the config names under `suites`; the CLI and `specgate/vitest` both load it. */
export interface Suite {
  /** Shown when the suite cannot be loaded or registered. */
  name: string;
  checks: CheckDefinition[];
}

/**
 * Declares a suite of custom checks; returns its argument unchanged. Export it as the default export of a
 * file matched by the config's `suites` globs, and its checks run in `specgate run`, appear in `specgate
 * list`, `specgate explain` and every report, and become tests in `describeContract()`.
 *
 * @example
 * // contract/request-duration.suite.ts
 * import { defineSuite, fail, pass } from 'specgate';
 *
 * export default defineSuite({
 *   name: 'request duration',
 *   checks: [{
 *     id: 'observability.request-duration',
 *     family: 'observability',
 *     title: 'Every response carries X-Request-Duration-Ms',
 *     severity: 'error',
 *     scope: 'operation',
 *     explain: { asserts: '…', why: '…', references: [], fix: '…' },
 *     async run(ctx) {
 *       const primary = await ctx.primary(ctx.operation!);
 *       if ('skip' in primary) return [];
 *       const value = primary.exchange.response?.headers['x-request-duration-ms'];
 *       return [value ? pass(`took ${value} ms`) : fail('no X-Request-Duration-Ms header', 'add the timing middleware')];
 *     },
 *   }],
 * });
 */
export function defineSuite(suite: Suite): Suite {
  return suite;
}
