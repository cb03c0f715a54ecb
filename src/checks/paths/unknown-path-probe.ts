import type { Exchange } from '../../http/exchange.js';
import type { CheckContext } from '../check.js';

/** A path segment no API documents, stable across runs so reports compare. */
export const UNKNOWN_SEGMENT = 'specgate-unknown-7f3a9c1e';

/** The answer to a GET on an undocumented path under the API's base, sent once per run and shared. */
export function unknownPathExchange(ctx: CheckContext): Promise<Exchange> {
  return ctx.shared('unknown-path', async () => {
    const identity = ctx.identities[0];
    return ctx.send({ method: 'GET', path: `${ctx.spec.serverPath}/${UNKNOWN_SEGMENT}`, headers: { accept: 'application/json' } }, { identity });
  });
}
