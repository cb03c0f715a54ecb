import type { Exchange, OutgoingRequest } from '../../http/exchange.js';
import type { Operation } from '../../spec/model.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { unverifiedPathParams } from './path-params.js';
import { unknownPathExchange } from './unknown-path-probe.js';

const UNRESOLVED = new Set([404, 405, 501]);
const COMMON_PREFIXES = ['/api', '/v1', '/api/v1'];

export const resolves: CheckDefinition = {
  id: 'paths.resolves',
  family: 'paths',
  title: 'Every documented path and method resolves',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: 'A valid request, sent as an identity allowed to call the operation, is not answered 404, 405 or 501.',
    why: 'A documented route that does not resolve breaks every client generated from the document; the usual cause is a base path or /api, /v1 prefix that differs between the document and the deployment.',
    references: ['RFC 9110 §15.5.5 (404)', 'RFC 9110 §15.5.6 (405)', 'RFC 9110 §15.6.2 (501)', 'OWASP API9:2023 Improper Inventory Management'],
    fix: 'Mount the route where the document says (servers / basePath + path), or correct the document.',
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const primary = await ctx.primary(operation);
    if ('skip' in primary) return [skip(`not sent: ${primary.skip}`, primary.enableWith)];
    const { exchange, identity } = primary;
    const status = exchange.response?.status;
    if (status === undefined) return [errored(`no response to ${describe(exchange)}: ${exchange.error}`, { exchange })];
    if (!UNRESOLVED.has(status)) return [pass(`${describe(exchange)} answered ${status}`, { exchange })];
    if (status === 404) {
      const unverified = unverifiedPathParams(operation, ctx.config, identity?.tenant);
      if (unverified.length > 0) return [await judgeMissingResource(ctx, exchange, unverified, identity?.tenant)];
    }
    return [await unresolved(ctx, operation, exchange)];
  },
};

async function unresolved(ctx: CheckContext, operation: Operation, exchange: Exchange): Promise<Finding> {
  const status = exchange.response!.status;
  const found = await findPrefixMismatch(ctx, exchange.request);
  const what =
    status === 405
      ? 'the documented method is not allowed on this path'
      : status === 501
        ? 'the server does not implement the documented method'
        : 'the documented route does not exist';
  const hint = found
    ? `the route answers at ${found.path} (${found.status}): the document's server path "${operation.serverPath || '/'}" and the deployment disagree — fix servers/basePath in the document or the mount point in the app`
    : `mount ${operation.method.toUpperCase()} ${operation.serverPath}${operation.path} in the app, or correct the document (servers/basePath + path)`;
  return fail(`${describe(exchange)} answered ${status}: ${what}; expected the route to resolve (RFC 9110 §15.5.5)`, hint, { exchange });
}

/** Tries the same request without the server path and with common prefixes; bounded to a few requests. */
async function findPrefixMismatch(ctx: CheckContext, request: OutgoingRequest): Promise<{ path: string; status: number } | undefined> {
  const serverPath = ctx.operation!.serverPath;
  const bare = serverPath && request.path.startsWith(serverPath) ? request.path.slice(serverPath.length) : request.path;
  const candidates = new Set([bare, ...COMMON_PREFIXES.map((prefix) => `${prefix}${bare}`)]);
  candidates.delete(request.path);
  for (const path of candidates) {
    const probe = await ctx.send({ ...request, path }, { credentials: { headers: request.headers } });
    const status = probe.response?.status;
    if (status !== undefined && !UNRESOLVED.has(status)) return { path, status };
  }
  return undefined;
}

/**
 * A 404 for a made-up id proves nothing by itself: the route may exist and the id not. The route resolves when
 * its 404 differs from the 404 of a path no API has, or another method on the same URL answers 405.
 */
async function judgeMissingResource(ctx: CheckContext, exchange: Exchange, unverified: string[], tenant: string | undefined): Promise<Finding> {
  const unknown = await unknownPathExchange(ctx);
  const response = exchange.response!;
  if (unknown.response && unknown.response.status !== 404) {
    return pass(`answered 404 for a made-up ${unverified.join(', ')}, unlike an unknown path (${unknown.response.status}): the route resolves`, { exchange });
  }
  if (unknown.response && normaliseBody(unknown.response.body) !== normaliseBody(response.body)) {
    return pass(`answered 404 for a made-up ${unverified.join(', ')} with a body that differs from an unknown path's: the route resolves`, { exchange });
  }
  return skip(
    `answered 404 for a made-up ${unverified.join(', ')}, the same as an unknown path: cannot tell a missing route from a missing resource`,
    `fixtures.${tenant ?? 'default'}.${unverified[0]}`,
    { exchange },
  );
}

function normaliseBody(body: string): string {
  return body
    .replace(/\/[^\s"'<]*/g, '/')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '#')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z?/g, '#')
    .replace(/[0-9a-f]{8,}|\d+/gi, '#')
    .trim();
}

function describe(exchange: Exchange): string {
  return `${exchange.request.method} ${exchange.request.path}`;
}
