import { credentialCoverage } from '../../auth/coverage.js';
import type { Identity } from '../../auth/identity.js';
import { forbiddenIdentities } from '../../auth/permitted.js';
import { allowedRoles } from '../../run/roles.js';
import { isPublic, type Operation } from '../../spec/model.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { said, target } from '../common/describe.js';
import { unsafeToCall } from '../common/may-call.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { credentialsWork } from './credentials-work.js';

export const authRoleForbidden: CheckDefinition = {
  id: 'auth.role-forbidden',
  family: 'auth',
  title: 'A role that may not call an operation gets 403',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      "A valid request (the caller's own tenant's fixtures) from each identity whose role is not allowed (x-roles in the document, or roles in the config) answers 403 Forbidden. A 2xx is critical; 401 is a finding (the caller is authenticated); 404 passes when the allowed roles reach the operation (RFC 9110 lets 404 hide it).",
    why: 'Regular users reaching admin functions, often just by changing the method, is OWASP API5. A 401 to an authenticated user makes clients re-authenticate in a loop instead of telling the user a permission is missing.',
    references: ['OWASP API5:2023 Broken Function Level Authorization', 'RFC 9110 §15.5.4 (403)', 'RFC 9110 §15.5.2 (401)'],
    fix: 'Check the role in the handler, permission class or policy of every operation, for every method, and answer 403.',
  },
  appliesTo(operation, ctx) {
    if (isPublic(operation)) return false;
    const roles = allowedRoles(operation, ctx.config);
    if (!roles) return skip('no roles are known for this operation', `roles["${operation.key}"] (or x-roles in the document)`);
    if (forbiddenIdentities(operation, ctx.config, ctx.identities).length === 0) {
      return skip(`no configured identity has a role outside ${roles.join(', ')}`, 'identities.<name>.role (an identity with a role that may not call it)');
    }
    return unsafeToCall(ctx, operation, 'a role that may not call it could still act if authorisation is broken');
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const identities = forbiddenIdentities(operation, ctx.config, ctx.identities);
    return Promise.all(identities.map((identity) => probe(ctx, operation, identity)));
  },
};

async function probe(ctx: CheckContext, operation: Operation, identity: Identity): Promise<Finding> {
  const roles = allowedRoles(operation, ctx.config)!;
  const source = ctx.config.roles[operation.key] ? `roles["${operation.key}"] in the config` : 'x-roles in the document';
  const tenant = identity.tenant ?? 'default';
  if (credentialCoverage(identity, operation, ctx.spec.securitySchemes) === 'no') {
    const accepted = operation.security.map((alternative) => alternative.map((r) => r.scheme).join(' + ')).join(' or ');
    return skip(
      `${identity.name} holds no credentials ${operation.key} accepts (${accepted}): a 401 would be right whatever its role, so the role cannot be judged`,
      `identities.${identity.name}.credentials.${operation.security[0]?.[0]?.scheme ?? '<scheme>'}`,
      { identity: identity.name },
    );
  }
  const sampled = ctx.sample(operation, { tenant: identity.tenant });
  if ('missing' in sampled) return skip(`no value for ${sampled.missing.join(', ')}`, `fixtures.${tenant}.${sampled.missing[0]}`, { identity: identity.name });
  const exchange = await ctx.send(sampled.request, { identity });
  const response = exchange.response;
  const who = `${target(exchange)} as ${identity.name} (role ${identity.role})`;
  const extra = { exchange, identity: identity.name };
  if (!response) return errored(`no response to ${who}: ${exchange.error}`, extra);
  const status = response.status;
  const came = `${who} answered ${status}${said(response)}; expected 403 Forbidden — only ${roles.join(', ')} may call ${operation.key} (${source})`;
  if (status === 403) return pass(`${who} answered 403; only ${roles.join(', ')} may call it`, extra);
  if (status >= 200 && status < 300) {
    return fail(`${came}, yet the call succeeded (OWASP API5:2023 Broken Function Level Authorization)`, `check the role in the handler or permission class of ${operation.key} (allowed: ${roles.join(', ')}) and answer 403 to other roles`, { ...extra, severity: 'critical' });
  }
  if (status === 401) {
    const check = await credentialsWork(ctx, identity);
    if (check && !check.works) {
      return skip(`${who} answered 401, but its credentials are refused on ${target(check.exchange)} too`, `identities.${identity.name} (working credentials)`, extra);
    }
    return fail(`${came} — 401 says the credentials are not valid, but ${identity.name} is authenticated (RFC 9110 §15.5.2, §15.5.4): clients re-authenticate instead of reporting a missing permission`, 'answer 403 (not 401) to authenticated callers whose role may not call the operation', extra);
  }
  if (status === 404 || status === 410) return hidden(ctx, operation, who, status, sampled.generatedPathParams, tenant, extra);
  const why = status >= 500 ? 'the server fails instead of refusing the role' : status >= 300 && status < 400 ? 'a redirect is not a refusal clients can act on' : 'the role is not checked before the request is processed';
  return fail(`${came} — ${why}`, `check the role first and answer 403 to roles other than ${roles.join(', ')}`, extra);
}

/** A 404 to a forbidden role hides the operation (RFC 9110 §15.5.4) when the allowed roles do reach it with real ids. */
async function hidden(ctx: CheckContext, operation: Operation, who: string, status: number, generated: string[], tenant: string, extra: Pick<Finding, 'exchange' | 'identity'>): Promise<Finding> {
  if (generated.length > 0) return skip(`${who} answered ${status} for a made-up ${generated.join(', ')}: the resource may simply not exist`, `fixtures.${tenant}.${generated[0]}`, extra);
  const primary = await ctx.primary(operation);
  const allowed = 'exchange' in primary ? primary.exchange.response?.status : undefined;
  if (allowed === undefined || allowed < 200 || allowed >= 300) {
    return skip(`${who} answered ${status}, and the allowed roles' request did not succeed either (${allowed ?? ('skip' in primary ? primary.skip : 'no response')}): cannot tell hiding from a missing resource`, 'identities.<name>.role (an identity with an allowed role) and fixtures', extra);
  }
  return pass(`${who} answered ${status} while an allowed role gets ${allowed}: the operation is hidden from this role, which RFC 9110 §15.5.4 permits`, extra);
}
