import { isUsageError, UsageError } from '../errors.js';
import { fetchText, type FetchedText, type SpecFetcher } from './fetch.js';
import { parseSpecText } from './parse.js';
import { isRecord } from './record.js';

// Where APIs commonly serve their description, tried in this order.
const WELL_KNOWN_PATHS = [
  '/openapi.json',
  '/openapi.yaml',
  '/swagger.json',
  '/v3/api-docs',
  '/docs/openapi.json',
  '/api/openapi.json',
  '/api-docs',
  '/swagger/v1/swagger.json',
  '/openapi/',
];

/**
 * Finds the API description served under a base URL: tries the well-known paths below the base URL's
 * path, then below the origin's root, and returns the first URL that answers 2xx with an OpenAPI or
 * Swagger document (JSON or YAML). A URL that gets no answer at all ends the search: the server is down or
 * hostile, and each further path would cost another timeout.
 *
 * @throws UsageError SPECGATE_SPEC_NOT_FOUND listing every URL tried and what it answered.
 */
export async function discoverSpec(baseUrl: string, fetch: SpecFetcher = fetchText): Promise<string> {
  const tried: string[] = [];
  for (const url of candidateUrls(baseUrl)) {
    let answer;
    try {
      answer = await fetch(url);
    } catch (error) {
      if (isUsageError(error)) throw error; // e.g. a host the fetcher may not contact
      // No answer at all (refused, reset, timed out, too large): the next path would fare no better.
      tried.push(`${url}: failed (${(error as Error).message})`);
      break;
    }
    const problem = judge(url, answer);
    if (problem === undefined) return url;
    tried.push(`${url}: ${problem}`);
  }
  throw new UsageError('SPECGATE_SPEC_NOT_FOUND', `no OpenAPI document found at ${baseUrl}; tried:\n  ${tried.join('\n  ')}`, {
    hint: 'pass --spec PATH|URL (or set "spec" in the config)',
  });
}

function candidateUrls(baseUrl: string): string[] {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new UsageError('SPECGATE_USAGE', `${baseUrl}: not a URL, so no API description can be discovered from it`, {
      hint: 'pass --base-url as an http(s) URL such as http://127.0.0.1:8000, or pass --spec',
    });
  }
  const prefixes = new Set([base.pathname.replace(/\/+$/, ''), '']);
  return [...prefixes].flatMap((prefix) => WELL_KNOWN_PATHS.map((path) => new URL(prefix + path, base.origin).href));
}

// Why the answer from the URL is not an API description, or undefined when it is one.
function judge(url: string, answer: FetchedText): string | undefined {
  if (answer.status < 200 || answer.status > 299) return `answered ${answer.status}`;
  let document: unknown;
  try {
    document = parseSpecText(answer.body, url);
  } catch {
    return `answered ${answer.status} with neither JSON nor YAML (${answer.contentType || 'no content type'})`;
  }
  if (isRecord(document) && (typeof document.openapi === 'string' || typeof document.swagger === 'string')) return undefined;
  return `answered ${answer.status} with something that is not an OpenAPI document (${answer.contentType || 'no content type'})`;
}
