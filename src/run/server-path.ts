import type { HttpClient, OutgoingRequest } from '../http/exchange.js';
import type { ApiSpec } from '../spec/model.js';

/**
 * The transport, aligned with the document's server paths: requests carry the server path (`/v2/orgs`), and a
 * base URL that already ends with it (`http://127.0.0.1:8000/v2`, the document's server URL with the host
 * swapped) gets it once, not twice (`/v2/v2/orgs`). A base URL with another path (`http://host/api`, a mount
 * point) is a prefix to the server path as before. Exchanges keep the document's path, so they still map to
 * their operations, and the URL that was really requested.
 */
export function alignServerPath(client: HttpClient, spec: ApiSpec): HttpClient {
  const basePath = pathOf(client.baseUrl);
  const duplicated = serverPaths(spec)
    .filter((prefix) => prefix !== '' && (basePath === prefix || basePath.endsWith(prefix)))
    .sort((a, b) => b.length - a.length);
  if (duplicated.length === 0) return client;
  return {
    baseUrl: client.baseUrl,
    async send(request, control) {
      const prefix = duplicated.find((candidate) => isUnder(request.path, candidate));
      if (prefix === undefined) return client.send(request, control);
      const exchange = await client.send({ ...request, path: request.path.slice(prefix.length) || '/' }, control);
      return { ...exchange, request: { ...exchange.request, path: request.path } };
    },
    close: () => client.close(),
  };
}

function serverPaths(spec: ApiSpec): string[] {
  return [...new Set([spec.serverPath, ...spec.operations.map((op) => op.serverPath)].map((path) => path.replace(/\/+$/, '')))];
}

function pathOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function isUnder(path: OutgoingRequest['path'], prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}
