import type { Identity } from '../../auth/identity.js';
import type { Exchange, RecordedResponse } from '../../http/exchange.js';
import { isPublic, isSecured, type Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { errored, skip, type Finding } from '../result.js';
import { documentedResponse } from './documented.js';
import { unverifiedPathParams } from './path-params.js';

export interface PrimaryResponse {
  operation: Operation;
  exchange: Exchange & { response: RecordedResponse };
  identity: Identity | undefined;
  ctx: CheckContext;
}

/**
 * Runs a check on the operation's shared valid exchange, after the conditions under which no check on it
 * can conclude anything: not sendable, no response, credentials needed but none configured, or a 404 for a
 * generated id that the spec does not document.
 */
export function onPrimaryResponse(check: (primary: PrimaryResponse) => Finding[] | Promise<Finding[]>) {
  return async (ctx: CheckContext): Promise<Finding[]> => {
    const operation = ctx.operation!;
    const primary = await ctx.primary(operation);
    if ('skip' in primary) return [skip(`not sent: ${primary.skip}`, primary.enableWith)];
    const { exchange, identity } = primary;
    const response = exchange.response;
    if (!response) return [errored(`no response to ${exchange.request.method} ${exchange.request.url}: ${exchange.error}`, { exchange })];
    if ((response.status === 401 || response.status === 403) && !identity && isSecured(operation)) {
      return [
        skip(`answered ${response.status} because no identity is configured for this secured operation`, 'identities', {
          exchange,
        }),
      ];
    }
    // A public operation walled off by authentication is auth.public-open's finding; a documented 401 (a login's
    // wrong password) is still judged here.
    if ((response.status === 401 || response.status === 403) && !identity && isPublic(operation) && !documentedResponse(operation, response.status)) {
      return [skip(`the public operation refused the anonymous request with an undocumented ${response.status}: auth.public-open reports it, and there is no valid answer to judge`, 'the operation reachable without credentials (see auth.public-open)', { exchange })];
    }
    if (response.status === 404 && !documentedResponse(operation, 404)) {
      const unverified = unverifiedPathParams(operation, ctx.config, identity?.tenant);
      if (unverified.length > 0) {
        return [
          skip(`answered 404 for a made-up ${unverified.join(', ')}: the resource may simply not exist`, `fixtures.${identity?.tenant ?? 'default'}.${unverified[0]}`, {
            exchange,
          }),
        ];
      }
    }
    return check({ operation, exchange: { ...exchange, response }, identity, ctx });
  };
}
