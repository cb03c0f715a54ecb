import { maxHeaderSize } from 'node:http';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { UsageError } from '../errors.js';
import type { Exchange, HttpClient, OutgoingRequest, RecordedResponse, SendControl } from './exchange.js';

export interface UndiciClientOptions {
  /** Origin and optional path prefix of the API, e.g. `http://127.0.0.1:8000/api`. */
  baseUrl: string;
  /** Limit for one whole exchange: connecting, response headers and the complete body. */
  timeoutMs: number;
  /** Response body bytes kept; the rest is discarded unread. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Most sockets open at once to the origin; unlimited when unset. */
  connections?: number;
}

type Phase = 'headers' | 'body';

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * An HttpClient for a live API over a keep-alive undici pool. Redirects are returned as they are, bodies are
 * cut at `maxBodyBytes`, and network failures come back as `Exchange.error`: `send` never throws for them.
 * `close()` lets in-flight requests finish (each is bounded by `timeoutMs`).
 */
export function createUndiciClient(options: UndiciClientOptions): HttpClient {
  const base = parseBaseUrl(options.baseUrl);
  const { timeoutMs, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const pool = new Pool(base.origin, {
    connections: options.connections ?? null,
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  async function send(request: OutgoingRequest, control: SendControl = {}): Promise<Exchange> {
    const path = joinPath(base.pathname, request.path);
    const started = performance.now();
    const finish = (outcome: { response: RecordedResponse } | { error: string }): Exchange => ({
      request: { ...request, url: base.origin + path },
      ...outcome,
      durationMs: Math.round(performance.now() - started),
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const cancel = () => controller.abort();
    control.signal?.addEventListener('abort', cancel, { once: true });
    if (control.signal?.aborted) cancel();
    let phase: Phase = 'headers';
    try {
      const response = await pool.request({
        method: request.method,
        path,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal,
      });
      phase = 'body';
      const length = Number(response.headers['content-length']);
      const { text, truncated } =
        length >= 0 && length <= maxBodyBytes ? { text: await response.body.text(), truncated: false } : await readCapped(response.body, maxBodyBytes);
      const headers = flattenHeaders(response.headers);
      return finish({ response: { status: response.statusCode, headers, body: text, truncated } });
    } catch (error) {
      if (control.signal?.aborted) return finish({ error: `cancelled: the run stopped before ${base.origin} answered` });
      const timedOut = controller.signal.aborted;
      return finish({ error: describeError(error, { origin: base.origin, phase, timedOut, timeoutMs }) });
    } finally {
      clearTimeout(timer);
      control.signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    baseUrl: base.origin + base.pathname.replace(/\/+$/, ''),
    send,
    close: () => pool.close(),
  };
}

function parseBaseUrl(baseUrl: string): URL {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (url?.protocol === 'http:' || url?.protocol === 'https:') return url;
  throw new UsageError('SPECGATE_USAGE', `base URL "${baseUrl}" is not an absolute http(s) URL`, {
    hint: 'give the API root, e.g. --base-url http://127.0.0.1:8000/api',
  });
}

// `/api` + `/v1/x` → `/api/v1/x`: exactly one slash at the seam, the request path otherwise untouched.
function joinPath(prefix: string, path: string): string {
  const head = prefix.replace(/\/+$/, '');
  if (path === '' || path.startsWith('?')) return (head || '/') + path;
  return `${head}/${path.replace(/^\/+/, '')}`;
}

async function readCapped(body: Dispatcher.ResponseData['body'], cap: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      // Leaving the loop destroys the stream: undici drops the socket instead of reading the rest.
      return { text: decodeCut(Buffer.concat(chunks)), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { text: Buffer.concat(chunks, size).toString('utf8'), truncated: false };
}

// Lenient UTF-8 after a cut: bad bytes become U+FFFD; a character split by the cut is dropped, not mangled.
function decodeCut(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes, { stream: true });
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    flat[key] = Array.isArray(value) ? value.join(key === 'set-cookie' ? '\n' : ', ') : value;
  }
  return flat;
}

function describeError(
  error: unknown,
  at: { origin: string; phase: Phase; timedOut: boolean; timeoutMs: number },
): string {
  const code = (error as { code?: unknown } | null)?.code;
  const { origin, phase, timeoutMs } = at;
  if (at.timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return phase === 'headers'
      ? `timeout: no response from ${origin} within ${timeoutMs} ms`
      : `timeout: the response body from ${origin} was not complete within ${timeoutMs} ms`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused: nothing is listening at ${origin}`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `connection reset: ${origin} closed the connection before the response was complete`;
    case 'UND_ERR_HEADERS_OVERFLOW':
      return `response headers from ${origin} are larger than the ${maxHeaderSize}-byte limit`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host not found: ${origin} does not resolve`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `request to ${origin} failed: ${message}${typeof code === 'string' ? ` (${code})` : ''}`;
}
