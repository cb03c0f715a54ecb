import { isSecured } from '../../spec/model.js';
import type { CheckDefinition } from '../check.js';
import { pass, skip, type Finding } from '../result.js';
import { anonymousExchange, referenceTenant } from './anonymous.js';
import { target } from './describe.js';
import { negativeExchanges } from './negatives.js';
import { judgeRefusal } from './refusal.js';

export const authInvalidCredentials: CheckDefinition = {
  id: 'auth.invalid-credentials',
  family: 'auth',
  title: 'Invalid credentials answer 401',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      "Credentials derived from each security scheme are refused with 401: empty, malformed, another auth scheme, an unknown value; for JWTs a tampered payload under the original signature, alg: none and a foreign key's signature; the configured expired token. 400 is accepted for an empty or malformed one (auth.allowBadRequest). A 2xx is critical, a 5xx a finding.",
    why: 'Accepting an unsigned, re-signed, tampered or expired token lets anyone impersonate any user; a 5xx on a malformed token means the token parser throws before authentication fails cleanly.',
    references: ['RFC 6750 §3.1 (invalid_request 400, invalid_token 401)', 'RFC 7519 §7.2 (validating a JWT)', 'RFC 8725 §3.1-3.2 (JWT algorithm verification)', 'OWASP API2:2023 Broken Authentication'],
    fix: 'Verify the signature with an explicit algorithm allow-list (never alg: none), check exp, and map every verification error to 401.',
  },
  appliesTo(operation) {
    return isSecured(operation) ? undefined : false;
  },
  async run(ctx) {
    const operation = ctx.operation!;
    if (!ctx.mayCall(operation)) return [skip(`${operation.method.toUpperCase()} is not a safe method`, '--allow-destructive (or safety.safeOperations)')];
    const tenant = referenceTenant(ctx, operation);
    const anonymous = await anonymousExchange(ctx, operation, tenant);
    const status = 'exchange' in anonymous ? anonymous.exchange.response?.status : undefined;
    if (status !== undefined && status >= 200 && status < 300) {
      return [skip(`${target(anonymous.exchange!)} answers ${status} without any credentials (auth.required reports it), so invalid ones prove nothing more`, 'authentication on this operation (see auth.required)')];
    }
    const round = await negativeExchanges(ctx, operation, tenant);
    if ('skip' in round) return [skip(`not sent: ${round.skip}`, round.enableWith)];
    const authorised = () => ctx.primary(operation);
    const findings = await Promise.all(
      round.sent.map(({ negative, exchange }) =>
        judgeRefusal({ exchange, sent: `with ${negative.label}`, authorised, badRequestAllowed: ctx.config.auth.allowBadRequest && (negative.kind === 'empty' || negative.kind === 'malformed') }),
      ),
    );
    const problems = findings.filter((f) => f.outcome !== 'pass');
    if (problems.length > 0) return problems;
    return [summary(round.sent.map((s) => s.negative.label), round.untested)];
  },
};

function summary(labels: string[], untested: string[]): Finding {
  const not = untested.length > 0 ? `; not tried: ${untested.join('; ')}` : '';
  return pass(`${labels.length} invalid credentials were refused (401, or 400 where allowed): ${labels.join(', ')}${not}`);
}
