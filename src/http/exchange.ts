/** One request as specgate sends it. `path` is relative to the base URL, query already encoded. */
export interface OutgoingRequest {
  method: string;
  /** Path and query relative to the base URL, e.g. `/api/models/m-1?limit=10`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RecordedResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with `, ` (set-cookie kept as a list joined by `\n`). */
  headers: Record<string, string>;
  /** The body as text, capped at the transport's limit. */
  body: string;
  /** True when the body was longer than the cap and was cut. */
  truncated: boolean;
}

/** A request and what came back (or why nothing did). */
export interface Exchange {
  request: OutgoingRequest & { url: string };
  response?: RecordedResponse;
  /** Set when no response arrived: timeout, reset, refused… */
  error?: string;
  durationMs: number;
}

/** How one send may be cut short by its caller. */
export interface SendControl {
  /** Aborts the request in flight (the run is stopping); the exchange then carries an error. */
  signal?: AbortSignal | undefined;
}

/** Sends requests to the API under test. Implementations: undici (live URL) and in-process (supertest). */
export interface HttpClient {
  readonly baseUrl: string;
  send(request: OutgoingRequest, control?: SendControl): Promise<Exchange>;
  close(): Promise<void>;
}

/** Parsed JSON body of a response, or `undefined` when the body is not JSON. */
export function jsonBody(response: RecordedResponse | undefined): unknown {
  if (!response || response.body === '') return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}

/** The media type of a response without parameters, lower case (`application/json`). */
export function mediaType(response: RecordedResponse | undefined): string {
  return (response?.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}
