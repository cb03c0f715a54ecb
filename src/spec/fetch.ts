/** What a fetch of an API description answered. */
export interface FetchedText {
  status: number;
  body: string;
  contentType: string;
}

/** Fetches a URL as text; used for URL sources and discovery, so callers can enforce host allowlists. */
export type SpecFetcher = (url: string) => Promise<FetchedText>;

const TIMEOUT_MS = 30_000;

/** The default SpecFetcher: Node's global fetch, following redirects, with a 30 s timeout. */
export const fetchText: SpecFetcher = async (url) => {
  const response = await fetch(url, {
    headers: { accept: 'application/json, application/yaml;q=0.9, text/yaml;q=0.9, */*;q=0.5' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
};
