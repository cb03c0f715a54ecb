import { jsonBody, type Exchange } from '../../http/exchange.js';
import type { ApiSpec, Operation } from '../../spec/model.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { unverifiedPathParams } from './path-params.js';

const PROBE_ORDER = ['GET', 'PUT', 'PATCH', 'DELETE', 'POST'];
const SAFE = new Set(['GET']);

export const methodNotAllowed: CheckDefinition = {
  id: 'paths.method-not-allowed',
  family: 'paths',
  title: 'An undocumented method answers 405 with Allow',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: "An undocumented method on a documented path answers 405 Method Not Allowed with an Allow header that lists the path's documented methods.",
    why: 'RFC 9110 requires Allow on every 405. A 404 hides that the path exists from clients, a 501 claims the method is unknown to the server, and a 2xx means an undocumented (unreviewed) endpoint is live.',
    references: ['RFC 9110 §15.5.6 (405 MUST send Allow)', 'RFC 9110 §10.2.1 (Allow)', 'OWASP API9:2023 Improper Inventory Management'],
    fix: "Register a 405 handler that sets Allow (Express: a catch-all route per path; most other frameworks do it), and remove or document undocumented handlers.",
  },
  appliesTo(operation, ctx) {
    if (firstOperationOfPath(operation, ctx) !== operation) return false;
    return undefined;
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const documented = documentedMethods(operation, ctx);
    const candidates = PROBE_ORDER.filter((m) => !documented.includes(m));
    const method = candidates.find((m) => SAFE.has(m) || ctx.allowDestructive || ctx.config.safety.methods === 'all');
    if (!method) {
      return [skip(`every safe method is documented on ${operation.path}; probing with ${candidates[0] ?? 'another method'} is not a safe request`, '--allow-destructive')];
    }
    const primary = await ctx.primary(operation);
    const primaryStatus = 'exchange' in primary ? primary.exchange.response?.status : undefined;
    if (primaryStatus === 404 || primaryStatus === 405 || primaryStatus === 501) {
      const unverified = unverifiedPathParams(operation, ctx.config, 'exchange' in primary ? primary.identity?.tenant : undefined);
      if (unverified.length > 0) {
        return [skip(`the documented method answered ${primaryStatus} for a made-up ${unverified.join(', ')}, so a 404 to another method would prove nothing`, `fixtures.default.${unverified[0]}`)];
      }
      return [skip(`the documented route itself answers ${primaryStatus} (see paths.resolves)`, 'the route mounted where the document says')];
    }
    const sampled = ctx.sample(operation, { tenant: 'exchange' in primary ? primary.identity?.tenant : undefined });
    if ('missing' in sampled) return [skip(`no value for ${sampled.missing.join(', ')}`, `fixtures.default.${sampled.missing[0]}`)];
    const identity = ('exchange' in primary ? primary.identity : undefined) ?? ctx.identities[0];
    const { body: _body, ...request } = sampled.request;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
    const exchange = await ctx.send({ ...request, method, headers }, { identity });
    return [judge(exchange, method, documented)];
  },
};

function judge(exchange: Exchange, method: string, documented: string[]): Finding {
  const response = exchange.response;
  const target = `${method} ${exchange.request.path}`;
  if (!response) return errored(`no response to ${target}: ${exchange.error}`, { exchange });
  const status = response.status;
  if (status === 405) {
    const allow = response.headers.allow;
    if (allow === undefined) {
      return fail(`${target} answered 405 without an Allow header (RFC 9110 §15.5.6: the server MUST send Allow)`, `set Allow: ${documented.join(', ')} on 405 responses`, { exchange });
    }
    const listed = allow.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
    const missing = documented.filter((m) => !listed.includes(m));
    if (missing.length > 0) {
      const starlette = isStarlette405(exchange);
      const cause = starlette ? ' — Starlette (FastAPI) lists only the methods of the first route function matching the path when a path has several' : '';
      const fix = starlette ? ', e.g. from a middleware that collects the methods of every route matching the path' : '';
      return fail(`${target} answered 405 with Allow: ${allow}, which leaves out documented ${missing.join(', ')} (RFC 9110 §10.2.1)${cause}`, `list every supported method in Allow (${documented.join(', ')})${fix}`, {
        exchange,
        severity: 'warning',
      });
    }
    return pass(`${target} answered 405 with Allow: ${allow}`, { exchange });
  }
  if (status === 401 || status === 403) {
    return skip(`${target} answered ${status}: authorisation runs before method dispatch, so routing cannot be observed`, 'identities.<name>.role (an identity allowed to call every method)', { exchange });
  }
  if (status >= 200 && status < 300) {
    return fail(`${target} answered ${status}: an undocumented method is implemented (OWASP API9:2023)`, `document ${method} for this path, or remove the handler so it answers 405`, { exchange, severity: 'critical' });
  }
  const why =
    status === 404
      ? 'a 404 tells clients the path does not exist, but it does'
      : status === 501
        ? '501 means the server does not recognise the method at all (RFC 9110 §15.6.2)'
        : `the method seems to be routed (${status}) although the document does not list it`;
  return fail(`${target} answered ${status}; expected 405 with Allow: ${documented.join(', ')} — ${why}`, 'answer 405 with an Allow header for methods a path does not support (RFC 9110 §15.5.6)', {
    exchange,
  });
}

const byPath = new WeakMap<ApiSpec, Map<string, Operation[]>>();

/** The operations documented on the same path and server path, indexed once per spec. */
function operationsOnPath(operation: Operation, spec: ApiSpec): Operation[] {
  let index = byPath.get(spec);
  if (!index) {
    index = new Map();
    for (const op of spec.operations) {
      const key = `${op.serverPath} ${op.path}`;
      index.set(key, [...(index.get(key) ?? []), op]);
    }
    byPath.set(spec, index);
  }
  return index.get(`${operation.serverPath} ${operation.path}`) ?? [];
}

/** Starlette's (and FastAPI's) own 405: {"detail":"Method Not Allowed"}, sent by the first route matching the path. */
function isStarlette405(exchange: Exchange): boolean {
  const body = jsonBody(exchange.response);
  return typeof body === 'object' && body !== null && (body as { detail?: unknown }).detail === 'Method Not Allowed';
}

function documentedMethods(operation: Operation, ctx: CheckContext): string[] {
  return operationsOnPath(operation, ctx.spec).map((op) => op.method.toUpperCase());
}

function firstOperationOfPath(operation: Operation, ctx: CheckContext): Operation | undefined {
  return operationsOnPath(operation, ctx.spec)[0];
}
