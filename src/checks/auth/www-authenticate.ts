import { parseChallenges, type Challenge } from '../../auth/challenge.js';
import { authScheme } from '../../auth/credentials.js';
import type { Exchange } from '../../http/exchange.js';
import type { SecurityScheme } from '../../spec/model.js';
import type { CheckDefinition } from '../check.js';
import { anonymousExchange, referenceTenant } from '../common/anonymous.js';
import { target } from '../common/describe.js';
import { unsafeToCall } from '../common/may-call.js';
import { expectsCredentials, operationSchemes } from '../common/schemes.js';
import { fail, pass, skip, type Finding } from '../result.js';
import { negativeExchanges } from './negatives.js';

/** A 401 and what its request carried: the RFC 6750 error codes a Bearer challenge may name (none, or undefined for either). */
interface Answer {
  exchange: Exchange;
  sent: string;
  bearerErrors: readonly string[] | undefined;
}

type Problem = 'missing' | 'no-challenge' | 'error-without-token' | 'no-invalid-token';

const LISTED = 3;

/** The IANA HTTP Authentication Scheme Registry (RFC 9110 §16.4), lower case. */
const REGISTERED_SCHEMES = new Set(['basic', 'bearer', 'concealed', 'digest', 'dpop', 'gnap', 'hoba', 'mutual', 'negotiate', 'oauth', 'privatetoken', 'scram-sha-1', 'scram-sha-256', 'vapid']);

export const authWwwAuthenticate: CheckDefinition = {
  id: 'auth.www-authenticate',
  family: 'auth',
  title: 'Every 401 carries a WWW-Authenticate challenge for the scheme',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      'Every 401 the operation gave (without credentials, and to each invalid credential) carries WWW-Authenticate with a challenge for one of its schemes (Bearer for http bearer, OAuth 2 and OpenID Connect; Basic; for API keys any challenge but a registered scheme the operation does not take, such as Basic on a Bearer-or-cookie operation). For Bearer, a refused token should be answered with error="invalid_token" and a request without a token with no error code (warnings).',
    why: 'RFC 9110 requires the challenge on every 401: it tells clients how to authenticate, and libraries rely on it to refresh tokens. RFC 6750 error codes tell a client whether to refresh its token or to ask the user to log in.',
    references: ['RFC 9110 §15.5.2 (401 MUST send WWW-Authenticate)', 'RFC 9110 §11.6.1 (WWW-Authenticate)', 'RFC 6750 §3 and §3.1 (Bearer error codes)', 'RFC 7617 §2 (Basic)'],
    fix: 'Set WWW-Authenticate on every 401 (e.g. Bearer realm="api", error="invalid_token" when a token was refused; Bearer realm="api" when none was sent).',
  },
  appliesTo(operation, ctx) {
    return expectsCredentials(operation) ? unsafeToCall(ctx, operation) : false;
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const tenant = referenceTenant(ctx, operation);
    const anonymous = await anonymousExchange(ctx, operation, tenant);
    const round = await negativeExchanges(ctx, operation, tenant);
    const answers: Answer[] = [
      ...('exchange' in anonymous ? [{ exchange: anonymous.exchange, sent: 'without credentials', bearerErrors: [] }] : []),
      ...('sent' in round ? round.sent.map(({ negative, exchange }) => ({ exchange, sent: `with ${negative.label}`, bearerErrors: negative.bearerErrors })) : []),
    ].filter((answer) => answer.exchange.response?.status === 401);
    if (answers.length === 0) {
      const reason = 'skip' in anonymous ? anonymous.skip : 'no request to it was answered 401 (auth.required and auth.invalid-credentials report what came instead)';
      return [skip(`no challenge to inspect: ${reason}`, 'skip' in anonymous ? anonymous.enableWith : 'a 401 from the API (see auth.required)')];
    }
    const schemes = operationSchemes(ctx.spec, operation);
    const problems = new Map<Problem, Answer[]>();
    for (const answer of answers) {
      const problem = inspect(answer, schemes);
      if (problem) problems.set(problem, [...(problems.get(problem) ?? []), answer]);
    }
    if (problems.size === 0) return [pass(`all ${answers.length} 401 answers carry a challenge for ${describeSchemes(schemes)}`, { exchange: answers[0]!.exchange })];
    return [...problems].map(([problem, found]) => report(problem, found, answers.length, schemes));
  },
};

function inspect(answer: Answer, schemes: readonly SecurityScheme[]): Problem | undefined {
  const field = answer.exchange.response!.headers['www-authenticate'];
  if (field === undefined || field.trim() === '') return 'missing';
  const challenges = parseChallenges(field);
  const words = challengeWords(schemes);
  // API keys have no registered auth-scheme, so any custom challenge (ApiKey, Session…) may stand for one; a
  // registered scheme the operation does not take (Basic on a Bearer or cookie API) challenges for nothing it accepts.
  const anyChallenge = schemes.some((s) => s.type === 'apiKey');
  const fits = (c: Challenge) => words.has(c.scheme.toLowerCase()) || (anyChallenge && !REGISTERED_SCHEMES.has(c.scheme.toLowerCase()));
  if (!challenges.some(fits)) return 'no-challenge';
  const bearer = challenges.find((c) => c.scheme.toLowerCase() === 'bearer');
  if (!bearer || !words.has('bearer') || answer.bearerErrors === undefined) return undefined;
  const error = bearer.params.error;
  if (answer.bearerErrors.length === 0) return error === undefined ? undefined : 'error-without-token';
  return error !== undefined && answer.bearerErrors.includes(error) ? undefined : 'no-invalid-token';
}

function report(problem: Problem, found: Answer[], total: number, schemes: readonly SecurityScheme[]): Finding {
  const exchange = found[0]!.exchange;
  const field = exchange.response!.headers['www-authenticate'];
  const which = `${found.length} of ${total} 401 answers (${list(found)})`;
  const example = exampleChallenge(schemes);
  switch (problem) {
    case 'missing':
      return fail(`${which} carry no WWW-Authenticate; RFC 9110 §15.5.2: a 401 MUST carry at least one challenge for the target resource`, `set WWW-Authenticate: ${example} on every 401 (the error handler or the authentication middleware)`, { exchange });
    case 'no-challenge':
      return fail(`${which} carry WWW-Authenticate: ${field}, which has no challenge for ${describeSchemes(schemes)} (RFC 9110 §11.6.1: the challenge must apply to the target resource)`, `challenge with the scheme the document declares, e.g. WWW-Authenticate: ${example}`, { exchange });
    case 'error-without-token':
      return fail(`${which} name an error code (WWW-Authenticate: ${field}) although no Bearer token was sent; RFC 6750 §3.1: a request without authentication information SHOULD get no error code`, 'send a bare challenge (Bearer realm="api") when no token was presented, and error="invalid_token" only for refused tokens', { exchange, severity: 'warning' });
    case 'no-invalid-token':
      return fail(`${which} answer a refused token with WWW-Authenticate: ${field}, without error="invalid_token"; RFC 6750 §3: the server SHOULD say why the token was refused, so clients know to refresh it`, 'add error="invalid_token" (and an error_description) to the Bearer challenge when a presented token is refused; with djangorestframework-simplejwt, in a custom exception handler', { exchange, severity: 'warning' });
  }
}

function challengeWords(schemes: readonly SecurityScheme[]): Set<string> {
  return new Set(schemes.filter((s) => s.type !== 'apiKey' && s.type !== 'mutualTLS').map((s) => authScheme(s).toLowerCase()));
}

function describeSchemes(schemes: readonly SecurityScheme[]): string {
  const words = [...challengeWords(schemes)].map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  if (schemes.some((s) => s.type === 'apiKey')) words.push('its API key');
  return words.join(' or ');
}

function exampleChallenge(schemes: readonly SecurityScheme[]): string {
  const scheme = schemes.find((s) => s.type !== 'apiKey' && s.type !== 'mutualTLS');
  return scheme ? `${authScheme(scheme)} realm="api"` : 'ApiKey realm="api"';
}

function list(found: Answer[]): string {
  const named = found.slice(0, LISTED).map((a) => `${target(a.exchange)} ${a.sent}`);
  return found.length > LISTED ? `${named.join('; ')}; and ${found.length - LISTED} more` : named.join('; ');
}
