import type { Exchange } from '../../http/exchange.js';
import type { PrimaryExchange } from '../check.js';
import { said, target } from '../common/describe.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { forbiddenCause } from './framework.js';

/** A request that carried no valid credentials, and what is known about the same request made validly. */
export interface Refusal {
  exchange: Exchange;
  /** What it carried, for messages: `without credentials`, `with an unsigned JWT (alg: none) in Authorization`. */
  sent: string;
  /** The operation's valid exchange (asked for only when needed), to tell a missing resource or an invalid sample from a wrong refusal. */
  authorised: () => Promise<PrimaryExchange>;
  /** Whether 400 (RFC 6750 §3.1 invalid_request) is an acceptable answer to this credential. */
  badRequestAllowed: boolean;
  /** What a success means for this credential and its fix, when more is known than "authentication is not enforced". */
  accepted?: { means: string; fix: string } | undefined;
  /** For a DELETE: whether its resource is gone now (asked only when the valid DELETE succeeded and this one got 404). */
  deleted?: (() => Promise<boolean | undefined>) | undefined;
}

const NOT_ENFORCED = {
  means: 'the API served a caller it could not authenticate: authentication is not enforced here',
  fix: 'put the authentication middleware/dependency in front of this route and refuse unauthenticated requests with 401; if the operation is meant to be public, declare security: [] in the document',
};

const EXPECTED = 'expected 401 Unauthorized';

/** Judges the answer to a request without valid credentials: 401 is right, anything else says what went wrong. */
export async function judgeRefusal({ exchange, sent, authorised, badRequestAllowed, accepted = NOT_ENFORCED, deleted }: Refusal): Promise<Finding> {
  const response = exchange.response;
  const what = `${target(exchange)} ${sent}`;
  if (!response) return errored(`no response to ${what}: ${exchange.error}`, { exchange });
  const status = response.status;
  const came = `${what} answered ${status}${said(response)}`;
  if (status === 401) return pass(`${what} answered 401`, { exchange });
  if (status === 400 && badRequestAllowed) return pass(`${what} answered 400, which RFC 6750 §3.1 allows for a malformed request (invalid_request)`, { exchange });
  if (status >= 200 && status < 300) {
    return fail(`${came}; ${EXPECTED} — ${accepted.means} (OWASP API2:2023 Broken Authentication)`, accepted.fix, { exchange, severity: 'critical' });
  }
  if (status === 403) {
    const { cause, fix } = forbiddenCause(response);
    return fail(`${came}; ${EXPECTED} with a WWW-Authenticate challenge (RFC 9110 §15.5.2) — ${cause}`, fix, { exchange });
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.location ? ` to ${response.headers.location}` : '';
    return fail(`${came}, a redirect${location}; ${EXPECTED} — API clients cannot follow a login page (RFC 9110 §15.5.2)`, 'answer 401 with WWW-Authenticate for API routes instead of redirecting to a login page', { exchange });
  }
  if (status >= 500) {
    return fail(`${came}; ${EXPECTED} — the server fails on credentials it should refuse, so authentication errors are unhandled`, 'treat missing, malformed and invalid credentials as an authentication failure (401) instead of letting the parser throw', { exchange });
  }
  return judgeClientError(exchange, came, await authorised(), deleted);
}

async function judgeClientError(exchange: Exchange, came: string, authorised: PrimaryExchange, deleted: Refusal['deleted']): Promise<Finding> {
  const status = exchange.response!.status;
  const valid = 'exchange' in authorised ? authorised.exchange.response?.status : undefined;
  if (valid === undefined) {
    const reason = 'skip' in authorised ? authorised.skip : 'the valid request got no response';
    return skip(`${came}; the same request with valid credentials could not be compared (${reason}), so a ${status} cannot be told from a missing resource`, 'skip' in authorised ? authorised.enableWith : 'identities');
  }
  if (valid === 401 || valid === 403) {
    const identity = 'exchange' in authorised ? authorised.identity?.name : undefined;
    return skip(`${came}; the valid request was refused too (${valid}), so there is nothing to compare with`, identity ? `identities.${identity} (working credentials)` : 'identities', { exchange });
  }
  // The valid DELETE removed the resource: a 404 to the same URL since proves nothing about lookup before authentication.
  if ((status === 404 || status === 410) && exchange.request.method.toUpperCase() === 'DELETE' && valid >= 200 && valid < 300 && (await deleted?.()) !== false) {
    return skip(`${came}; the valid DELETE answered ${valid} and the resource is gone now, so a ${status} says nothing about the order of lookup and authentication`, 'fixtures.<tenant>.<param> (ids that exist)', { exchange });
  }
  if (valid === status) {
    return skip(`${came}, the same as with valid credentials: the request itself is refused, so authentication cannot be observed`, status === 404 || status === 410 ? 'fixtures.<tenant>.<param> (ids that exist)' : 'fixtures (values the API accepts)', { exchange });
  }
  const why =
    status === 404 || status === 405
      ? `with valid credentials it answers ${valid}: routing or the resource lookup runs before authentication and hides the 401 (RFC 9110 §15.5.2)`
      : `with valid credentials it answers ${valid}: the request is validated before the caller is authenticated`;
  return fail(`${came}; ${EXPECTED} — ${why}`, 'authenticate first (middleware or dependency in front of routing, lookup and validation) and answer 401 with WWW-Authenticate', { exchange });
}
