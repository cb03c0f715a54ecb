import type { Exchange } from '../../http/exchange.js';
import { isPublic } from '../../spec/model.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { said, target } from '../common/describe.js';
import { unsafeToCall } from '../common/may-call.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';

export const authPublicOpen: CheckDefinition = {
  id: 'auth.public-open',
  family: 'auth',
  title: 'A public operation answers without credentials',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: 'An operation the document marks public (security: [] or an empty alternative) answers a request without credentials with something other than 401 or 403.',
    why: 'Health and readiness probes, load balancers and login clients call these routes without credentials; an authentication wall there takes the service out of rotation or locks users out, and means the document and the deployment disagree.',
    references: ['OpenAPI Specification, Security Requirement Object (an empty requirement makes security optional)', 'RFC 9110 §15.5.2 (401)'],
    fix: 'Exempt the route from the authentication middleware, or declare its security requirement in the document.',
  },
  appliesTo(operation, ctx) {
    return isPublic(operation) ? unsafeToCall(ctx, operation) : false;
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const primary = await ctx.primary(operation);
    if ('skip' in primary) return [skip(`not sent: ${primary.skip}`, primary.enableWith)];
    const { exchange } = primary;
    const response = exchange.response;
    if (!response) return [errored(`no response to ${target(exchange)}: ${exchange.error}`, { exchange })];
    const status = response.status;
    if (status !== 401 && status !== 403) return [pass(`${target(exchange)} without credentials answered ${status}`, { exchange })];
    const inconclusive = await refusedForContent(ctx, exchange);
    if (inconclusive) return [inconclusive];
    return [
      fail(
        `${target(exchange)} without credentials answered ${status}${said(response)}; expected it to answer without authentication — the document declares it public (security: []), so probes, load balancers and clients without a session cannot reach it`,
        'exempt this route from the authentication middleware (or from the default permission class), or declare the security requirement in the document',
        { exchange },
      ),
    ];
  },
};

/**
 * A login or refresh operation answers 401 to wrong credentials in its body, which is no authentication wall:
 * when the same request sent with an identity's credentials is refused too, the content is refused, not the caller.
 */
async function refusedForContent(ctx: CheckContext, exchange: Exchange): Promise<Finding | undefined> {
  const status = exchange.response!.status;
  const identity = ctx.identities[0];
  if (!identity) {
    if (exchange.request.body === undefined) return undefined;
    return skip(`${target(exchange)} answered ${status}: without an identity to compare with, a refused body (e.g. wrong login credentials) cannot be told from an authentication wall`, 'identities', { exchange });
  }
  const { url: _url, ...request } = exchange.request;
  const compared = await ctx.send(request, { identity });
  const again = compared.response?.status;
  // A comparison the API did not really answer (throttled despite the back-off, failed, or no answer) proves nothing.
  if (again === undefined || again === 429 || again >= 500) {
    return skip(`${target(exchange)} answered ${status}; the same request with ${identity.name}'s credentials, to tell a refused body from an authentication wall, got ${again ?? `no answer (${compared.error})`}`, 'fixtures (a request body the operation accepts)', { exchange });
  }
  if (again !== 401 && again !== 403) return undefined;
  return skip(`${target(exchange)} answered ${status}, and ${again} with ${identity.name}'s credentials too: the request's content is refused (e.g. wrong login credentials), not the anonymous caller`, 'fixtures (a request body the operation accepts)', { exchange });
}
