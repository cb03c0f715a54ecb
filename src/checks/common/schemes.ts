import type { OutgoingRequest } from '../../http/exchange.js';
import { isSecured, type ApiSpec, type Operation, type SecurityScheme } from '../../spec/model.js';

/**
 * Whether requests to the operation must carry credentials: it is secured, and not OPTIONS, which browsers
 * send as CORS preflights without credentials (Fetch standard), so servers answer it unauthenticated.
 */
export function expectsCredentials(operation: Operation): boolean {
  return isSecured(operation) && operation.method !== 'options';
}

/** The security schemes an operation accepts, over all its alternatives, as components declare them. */
export function operationSchemes(spec: ApiSpec, operation: Operation): SecurityScheme[] {
  const names = new Set(operation.security.flatMap((alternative) => alternative.map((requirement) => requirement.scheme)));
  return [...names].flatMap((name) => (spec.securitySchemes[name] ? [spec.securitySchemes[name]] : []));
}

/** The request without anything the schemes carry credentials in (sampled header parameters, configured headers). */
export function withoutCredentials(request: OutgoingRequest, schemes: readonly SecurityScheme[]): OutgoingRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  let path = request.path;
  for (const scheme of schemes) {
    if (scheme.type !== 'apiKey' || !scheme.paramName) continue;
    const name = scheme.paramName;
    if (scheme.in === 'query') path = withoutQueryParam(path, name);
    else if (scheme.in === 'cookie') dropCookie(headers, name);
    else for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  }
  return { ...request, path, headers };
}

function withoutQueryParam(path: string, name: string): string {
  const [base, query] = path.split(/\?(.*)/s, 2);
  if (query === undefined) return path;
  const kept = query.split('&').filter((pair) => decodeURIComponent(pair.split('=')[0]!) !== name);
  return kept.length > 0 ? `${base}?${kept.join('&')}` : base!;
}

function dropCookie(headers: Record<string, string>, name: string): void {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === 'cookie');
  if (!key) return;
  const kept = headers[key]!.split(';').map((pair) => pair.trim()).filter((pair) => pair !== '' && pair.split('=')[0] !== name);
  if (kept.length > 0) headers[key] = kept.join('; ');
  else delete headers[key];
}
