import { specInvalid } from './problem.js';
import { asRecord, isRecord } from './record.js';

/**
 * The path part of the first of `servers` (OpenAPI 3), server variables replaced by their defaults
 * and without a trailing slash (`/` gives `""`); undefined when no server is declared. A relative
 * URL is relative to the document's URL when it was fetched, to `/` otherwise.
 */
export function serverPathOf(servers: unknown, source: string, pointer: string): string | undefined {
  if (!Array.isArray(servers)) return undefined;
  const [first]: unknown[] = servers;
  if (!isRecord(first) || typeof first.url !== 'string') return undefined;
  const variables = asRecord(first.variables);
  const url = first.url.replace(/\{([^{}]+)\}/g, (written, name: string) => {
    const fallback = asRecord(variables[name]).default;
    return fallback === undefined ? written : String(fallback);
  });
  const base = /^https?:\/\//i.test(source) ? source : 'http://localhost/';
  try {
    return withoutTrailingSlash(new URL(url === '' ? '/' : url, base).pathname);
  } catch {
    throw specInvalid(source, `${pointer}/0/url`, `server URL "${first.url}" is not a valid URL`, 'fix the URL, and give each of its variables a default');
  }
}

/** The Swagger 2.0 `basePath` without a trailing slash (`/` gives `""`). */
export function basePathOf(basePath: unknown): string {
  return typeof basePath === 'string' ? withoutTrailingSlash(basePath) : '';
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '');
}
