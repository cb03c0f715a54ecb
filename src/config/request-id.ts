import { randomUUID } from 'node:crypto';
import type { OutgoingRequest } from '../http/exchange.js';
import type { ApiSpec } from '../spec/model.js';
import type { Config } from './schema.js';

const DEFAULT_HEADER = 'X-Request-Id';
const REQUEST_ID_LIKE = /^(?:x-)?(?:request|correlation|trace)[-_]?id$/i;
const documented = new WeakMap<ApiSpec, string | undefined>();

export interface RequestIdHeader {
  name: string;
  /** Where the name comes from, for messages: `configured`, `documented` or `default`. */
  source: 'configured' | 'documented' | 'default';
}

/**
 * The header that carries the request id: `requestIdHeader` from the config, else a request-id-like
 * response header the document declares, else X-Request-Id. Undefined when the config turns it off.
 */
export function requestIdHeader(spec: ApiSpec, config: Config): RequestIdHeader | undefined {
  if (config.requestIdHeader === false) return undefined;
  if (config.requestIdHeader !== undefined) return { name: config.requestIdHeader, source: 'configured' };
  const declared = documentedHeader(spec);
  return declared ? { name: declared, source: 'documented' } : { name: DEFAULT_HEADER, source: 'default' };
}

/** The request with a fresh UUID in the request id header, unless it already carries one. */
export function withRequestId(request: OutgoingRequest, header: RequestIdHeader | undefined): OutgoingRequest {
  if (!header) return request;
  const name = header.name.toLowerCase();
  if (Object.keys(request.headers).some((key) => key.toLowerCase() === name)) return request;
  return { ...request, headers: { ...request.headers, [name]: randomUUID() } };
}

function documentedHeader(spec: ApiSpec): string | undefined {
  if (!documented.has(spec)) {
    const names = spec.operations.flatMap((op) => op.responses.flatMap((response) => Object.keys(response.headers)));
    documented.set(spec, names.find((name) => REQUEST_ID_LIKE.test(name)));
  }
  return documented.get(spec);
}
