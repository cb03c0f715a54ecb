import type { NegativeKind } from '../../auth/negative.js';
import type { CheckDefinition } from '../check.js';
import { anonymousExchange, referenceTenant } from '../common/anonymous.js';
import { target } from '../common/describe.js';
import { unsafeToCall } from '../common/may-call.js';
import { expectsCredentials } from '../common/schemes.js';
import { pass, skip, type Finding } from '../result.js';
import { negativeExchanges } from './negatives.js';
import { deletedNow } from './deleted.js';
import { judgeRefusal } from './refusal.js';

const UNVERIFIED = {
  means: 'a credential the server cannot have verified is accepted: it checks that one is present, not that it is valid',
  fix: 'verify the credential (signature, or a lookup of the key or token) and refuse anything else with 401',
};
const VERIFY_SIGNATURE = "verify the JWT signature with the server's key (a verify call, never a bare decode) before trusting any claim";

/** What it means when the API accepts each kind of credential, and the fix. */
const ACCEPTED: Record<NegativeKind, { means: string; fix: string }> = {
  empty: UNVERIFIED,
  malformed: UNVERIFIED,
  'wrong-scheme': UNVERIFIED,
  unknown: { means: 'a credential the API never issued is accepted', fix: UNVERIFIED.fix },
  tampered: { fix: VERIFY_SIGNATURE, means: 'the token signature is not verified, so anyone can change the claims (RFC 7519 §7.2)' },
  'foreign-key': { fix: VERIFY_SIGNATURE, means: "a token signed by any key is accepted: the signature is not checked against the server's key (RFC 7519 §7.2)" },
  'alg-none': {
    means: 'unsigned tokens are accepted: the verifier does not pin the signature algorithm (RFC 8725 §3.1)',
    fix: "give the verifier an explicit algorithm allow-list (e.g. algorithms: ['HS256']) so alg: none and unexpected algorithms are refused",
  },
  expired: { means: 'an expired token is accepted: the exp claim is not checked (RFC 7519 §4.1.4)', fix: 'keep expiry validation on (allow at most a small clock skew) and answer 401 with error="invalid_token"' },
};

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
  appliesTo(operation, ctx) {
    return expectsCredentials(operation) ? unsafeToCall(ctx, operation, 'with invalid credentials it could still act if authentication is broken') : false;
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const tenant = referenceTenant(ctx, operation);
    const anonymous = await anonymousExchange(ctx, operation, tenant);
    const open = 'exchange' in anonymous ? anonymous.exchange : undefined;
    const status = open?.response?.status;
    if (open && status !== undefined && status >= 200 && status < 300) {
      return [skip(`${target(open)} answers ${status} without any credentials (auth.required reports it), so invalid ones prove nothing more`, 'authentication on this operation (see auth.required)')];
    }
    const round = await negativeExchanges(ctx, operation, tenant);
    if ('skip' in round) return [skip(`not sent: ${round.skip}`, round.enableWith)];
    const authorised = () => ctx.primary(operation);
    const deleted = () => deletedNow(ctx, operation);
    const findings = await Promise.all(
      round.sent.map(({ negative, exchange }) =>
        judgeRefusal({
          exchange,
          sent: `with ${negative.label}`,
          authorised,
          badRequestAllowed: ctx.config.auth.allowBadRequest && (negative.kind === 'empty' || negative.kind === 'malformed'),
          accepted: ACCEPTED[negative.kind],
          deleted,
        }),
      ),
    );
    const failed = findings.filter((f) => f.outcome === 'fail' || f.outcome === 'error');
    if (failed.length > 0) return failed;
    const refused = round.sent.filter((_, i) => findings[i]!.outcome === 'pass').map((s) => s.negative.label);
    const inconclusive = findings.filter((f) => f.outcome === 'skip');
    return refused.length > 0 ? [summary(refused, round.untested), ...inconclusive] : inconclusive;
  },
};

function summary(labels: string[], untested: string[]): Finding {
  const not = untested.length > 0 ? `; not tried: ${untested.join('; ')}` : '';
  return pass(`${labels.length} invalid credentials were refused (401, or 400 where allowed): ${labels.join(', ')}${not}`);
}
