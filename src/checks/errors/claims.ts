import type { Exchange, RecordedResponse } from '../../http/exchange.js';
import { findBodyLeak, type BodyLeak } from '../../leaks/body-leak.js';
import type { CheckContext } from '../check.js';

const leaks = new WeakMap<RecordedResponse, BodyLeak | null>();

/**
 * The leak in a response body, computed once per response. A leaking response is reported by
 * errors.no-stack-trace alone: errors.envelope and errors.server-error leave it out, so one fault is one finding.
 */
export function leakOf(response: RecordedResponse): BodyLeak | undefined {
  let leak = leaks.get(response);
  if (leak === undefined) leaks.set(response, (leak = findBodyLeak(response) ?? null));
  return leak ?? undefined;
}

/**
 * The requests errors.bad-input sent this run. Its verdict covers their status (a 5xx included), so
 * errors.server-error leaves them out.
 */
export function probeRequests(ctx: CheckContext): Promise<WeakSet<Exchange['request']>> {
  return ctx.shared('errors.bad-input probes', () => Promise.resolve(new WeakSet<Exchange['request']>()));
}
