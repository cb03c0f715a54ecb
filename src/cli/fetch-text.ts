import { request } from 'undici';
import { assertAllowed } from './allowlist.js';

const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/** A fetch for specs: allowed hosts only, bounded in time and size, no redirects followed. */
export function fetchText(hosts: string[]) {
  return async (url: string): Promise<{ status: number; body: string; contentType: string }> => {
    assertAllowed(url, hosts);
    const response = await request(url, { method: 'GET', headersTimeout: 10_000, bodyTimeout: 20_000 });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_SPEC_BYTES) {
        response.body.destroy();
        break;
      }
      chunks.push(chunk as Buffer);
    }
    const contentType = String(response.headers['content-type'] ?? '');
    return { status: response.statusCode, body: Buffer.concat(chunks).toString('utf8'), contentType };
  };
}
