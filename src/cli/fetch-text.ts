import { request } from 'undici';
import { assertAllowed } from './allowlist.js';

const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/**
 * A fetch for specs: allowed hosts only, no redirects followed, each fetch bounded as a whole by `timeoutMs`
 * (a server that trickles bytes cannot hold it) and refused beyond 64 MiB.
 */
export function fetchText(hosts: string[], timeoutMs: number) {
  return async (url: string): Promise<{ status: number; body: string; contentType: string }> => {
    assertAllowed(url, hosts);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await request(url, { method: 'GET', signal });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_SPEC_BYTES) throw new Error(`the answer is larger than ${MAX_SPEC_BYTES / 1024 ** 2} MiB`);
        chunks.push(chunk);
      }
      const contentType = String(response.headers['content-type'] ?? '');
      return { status: response.statusCode, body: Buffer.concat(chunks).toString('utf8'), contentType };
    } catch (error) {
      if (signal.aborted) throw new Error(`no complete answer within ${timeoutMs} ms`, { cause: error });
      throw error;
    }
  };
}
