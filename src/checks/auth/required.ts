import { isPublic, isSecured } from '../../spec/model.js';
import type { CheckDefinition } from '../check.js';
import { anonymousExchange, referenceTenant } from '../common/anonymous.js';
import { unsafeToCall } from '../common/may-call.js';
import { skip } from '../result.js';
import { deletedNow } from './deleted.js';
import { judgeRefusal } from './refusal.js';

export const authRequired: CheckDefinition = {
  id: 'auth.required',
  family: 'auth',
  title: 'A secured operation answers 401 without credentials',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      'A valid request to an operation the document secures, sent without any credentials, answers 401 Unauthorized. 2xx is critical; 403, 404, a redirect, a validation error or a 5xx are findings with their likely cause. OPTIONS is left out: browsers send it as a CORS preflight without credentials.',
    why: 'An unauthenticated request has no caller: RFC 9110 reserves 401 (with a challenge) for it, 403 for known callers without permission. A 2xx means the route is reachable by anyone (OWASP API2); a 404 here usually means routing or the resource lookup runs before authentication.',
    references: ['RFC 9110 §15.5.2 (401)', 'RFC 9110 §15.5.4 (403)', 'RFC 6750 §3 (Bearer)', 'OWASP API2:2023 Broken Authentication'],
    fix: 'Authenticate in front of routing, lookup and validation, and answer 401 with WWW-Authenticate (Django REST Framework: a challenging authentication class first; FastAPI: 0.122.0 or later).',
  },
  appliesTo(operation, ctx) {
    if (isPublic(operation) || operation.method === 'options') return false;
    if (!isSecured(operation)) return skip('the document declares no security requirement for this operation', 'security (in the document, per operation or top-level)');
    return unsafeToCall(ctx, operation, 'without credentials it could still act if authentication is broken');
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const sent = await anonymousExchange(ctx, operation, referenceTenant(ctx, operation));
    if ('skip' in sent) return [skip(`not sent: ${sent.skip}`, sent.enableWith)];
    const deleted = () => deletedNow(ctx, operation);
    return [await judgeRefusal({ exchange: sent.exchange, sent: 'without credentials', authorised: () => ctx.primary(operation), badRequestAllowed: false, deleted })];
  },
};
