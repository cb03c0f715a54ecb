import type { Exchange, RecordedResponse } from '../../http/exchange.js';
import { matchesPattern } from '../../run/select.js';
import { matchOperation } from '../../spec/match.js';
import type { ApiSpec, Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { unknownPathExchange } from '../paths/unknown-path-probe.js';

/** One recorded response, with the operation its request maps to (`*` when none). */
export interface Observed {
  exchange: Exchange & { response: RecordedResponse };
  operation: Operation | undefined;
  /** The operation key, or `*` for requests no documented operation matches. */
  key: string;
  /** Whether the request went to the API: a documented operation, or a path under a documented server path. */
  inApi: boolean;
}

/**
 * Every response recorded in this run, by any suite, mapped to its operation; operations excluded by config
 * are left out. The errors suite's own unknown-path probe is sent first (once per run, shared with paths).
 */
export async function observedResponses(ctx: CheckContext): Promise<Observed[]> {
  await unknownPathExchange(ctx);
  const prefixes = serverPaths(ctx.spec);
  const observed: Observed[] = [];
  for (const exchange of ctx.exchanges()) {
    const response = exchange.response;
    if (!response) continue;
    const operation = matchOperation(ctx.spec, exchange.request.method, exchange.request.path);
    if (operation && ctx.config.exclude.some((pattern) => matchesPattern(operation.key, pattern))) continue;
    observed.push({
      exchange: { ...exchange, response },
      operation,
      key: operation?.key ?? '*',
      inApi: operation !== undefined || prefixes.some((prefix) => isUnder(exchange.request.path, prefix)),
    });
  }
  return observed;
}

function serverPaths(spec: ApiSpec): string[] {
  return [...new Set([spec.serverPath, ...spec.operations.map((op) => op.serverPath)].map((p) => p.replace(/\/+$/, '')))];
}

function isUnder(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}
