import type { OutgoingRequest } from '../http/exchange.js';
import type { Operation, Parameter } from '../spec/model.js';
import { acceptHeader } from './accept.js';
import { sampleBody } from './body.js';
import { sampleParameter } from './parameter.js';
import { deriveSeed } from './random.js';
import { cookiePairs, headerValue, pathSegment, queryPairs, text } from './serialize.js';

/**
 * A valid request for an operation, with the names of the path parameters whose values were generated
 * (no fixture, no documented value: fine for routing, but the resource likely does not exist); or the
 * names of the values that could not be had (add them under `fixtures`).
 */
export type SampleResult = { request: OutgoingRequest; generatedPathParams: string[] } | { missing: string[] };

export interface SampleRequestOptions {
  /** Parameter values per tenant, and under `default` for every tenant (config key `fixtures`). */
  fixtures?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
  /** The tenant whose fixtures come first. */
  tenant?: string | undefined;
  /** Headers sent on every request (config key `headers`); they win over sampled ones. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Seed for generated values (default 0). */
  seed?: number | undefined;
}

// Header parameters OpenAPI 3 says to ignore: the request's own framing and credentials set them.
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
// A body on GET or HEAD has no defined meaning (RFC 9110 9.3.1) and fetch refuses one: none is sent, even if documented.
const BODILESS_METHODS = new Set(['get', 'head']);

/**
 * Builds a request for the operation. Parameter values come from `fixtures[tenant][name]` >
 * `fixtures.default[name]` > the spec's examples > `default` > `enum` > generated (see sampleParameter).
 * Required parameters and path parameters are always filled; optional ones only when a fixture names them.
 * `path` is the operation's server path, the template expanded (percent-encoded), and the query string. The
 * body (see sampleBody; never on GET or HEAD) sets `content-type`; `accept` lists the 2xx media types when
 * they are of one family. Generated values are deterministic: a parameter's depends on `seed` and its name.
 */
export function sampleRequest(operation: Operation, options: SampleRequestOptions = {}): SampleResult {
  const fixtures = { ...options.fixtures?.default, ...(options.tenant === undefined ? {} : options.fixtures?.[options.tenant]) };
  const seed = options.seed ?? 0;
  const missing: string[] = [];
  const generatedPathParams: string[] = [];
  const values = new Map<Parameter, unknown>();
  for (const param of operation.parameters) {
    if (param.in === 'header' && RESERVED_HEADERS.has(param.name.toLowerCase())) continue;
    if (!param.required && param.in !== 'path' && !Object.hasOwn(fixtures, param.name)) continue;
    const sampled = sampleParameter(param, fixtures, { seed: deriveSeed(seed, `${param.in}:${param.name}`) });
    if (!sampled) {
      if (param.required || param.in === 'path') missing.push(param.name);
      continue;
    }
    if (param.in === 'path' && sampled.source === 'generated') generatedPathParams.push(param.name);
    values.set(param, sampled.value);
  }
  const path = expandTemplate(operation, values, fixtures, missing);
  if (missing.length > 0) return { missing };
  const query = [...values].flatMap(([param, value]) => (param.in === 'query' ? queryPairs(param, value) : []));
  const request: OutgoingRequest = {
    method: operation.method.toUpperCase(),
    path: `${operation.serverPath.replace(/\/+$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`,
    headers: headersFor(operation, values),
  };
  const body = operation.requestBody && !BODILESS_METHODS.has(operation.method) ? sampleBody(operation.requestBody, { seed }) : undefined;
  if (body) {
    request.headers['content-type'] = body.contentType;
    request.body = body.body;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) request.headers[name.toLowerCase()] = value;
  return { request, generatedPathParams };
}

function expandTemplate(operation: Operation, values: Map<Parameter, unknown>, fixtures: Record<string, unknown>, missing: string[]): string {
  return operation.path.replace(/\{([^}]+)\}/g, (template, name: string) => {
    const param = [...values.keys()].find((candidate) => candidate.in === 'path' && candidate.name === name);
    if (param) return pathSegment(param, values.get(param));
    if (Object.hasOwn(fixtures, name)) return encodeURIComponent(text(fixtures[name]));
    if (!missing.includes(name)) missing.push(name);
    return template;
  });
}

function headersFor(operation: Operation, values: Map<Parameter, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  const accept = acceptHeader(operation.responses);
  if (accept) headers.accept = accept;
  const cookies: string[] = [];
  for (const [param, value] of values) {
    if (param.in === 'header') headers[param.name.toLowerCase()] = headerValue(param, value);
    if (param.in === 'cookie') cookies.push(...cookiePairs(param, value));
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  return headers;
}
