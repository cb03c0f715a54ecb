import type { HttpClient } from './exchange.js';
import { createInProcessClient } from './inprocess.js';
import type { AppLike, InProcessClientOptions } from './inprocess.js';
import { createUndiciClient } from './undici.js';

export type { AppLike } from './inprocess.js';

/** Transport options; `basePath` applies to in-process apps only (a URL carries its own path). */
export type ClientOptions = InProcessClientOptions;

/** The transport for a target: undici for a URL string, the in-process client for an app. */
export async function createClient(target: string | AppLike, options: ClientOptions): Promise<HttpClient> {
  if (typeof target !== 'string') return createInProcessClient(target, options);
  const { basePath: _basePath, ...transport } = options;
  return createUndiciClient({ ...transport, baseUrl: target });
}
