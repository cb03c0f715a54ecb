import type { CheckContext } from '../../src/checks/check.js';
import type { Config } from '../../src/config/schema.js';
import type { Exchange, OutgoingRequest, RecordedResponse } from '../../src/http/exchange.js';
import type { ApiSpec } from '../../src/spec/model.js';

const ID = '0b7c5a1e-2f7d-4c55-9a3e-0a1b2c3d4e5f';

/** An exchange as the session records it; the request carries a request id, the response echoes it unless told. */
export function exchange(method: string, path: string, response: Partial<RecordedResponse> & { status: number }): Exchange {
  const request: OutgoingRequest & { url: string } = { method, path, headers: { 'x-request-id': ID }, url: `http://127.0.0.1${path}` };
  return {
    request,
    response: { headers: { 'x-request-id': ID, 'content-type': 'application/json' }, body: '', truncated: false, ...response },
    durationMs: 1,
  };
}

/** A CheckContext for observers over a fixed log; the unknown-path probe answers a proper envelope 404. */
export function observingContext(spec: ApiSpec, config: Config, log: Exchange[]): CheckContext {
  const shared = new Map<string, Promise<unknown>>();
  const unsupported = () => {
    throw new Error('observers do not call this');
  };
  return {
    spec,
    config,
    operation: undefined,
    identities: [],
    allowDestructive: false,
    maxWaitSeconds: 1,
    async send(request) {
      const sent = exchange(request.method, request.path, { status: 404, body: '{"error":{"code":"not_found","message":"no"}}' });
      log.push(sent);
      return sent;
    },
    shared<T>(key: string, compute: () => Promise<T>) {
      if (!shared.has(key)) shared.set(key, compute());
      return shared.get(key) as Promise<T>;
    },
    exchanges: () => log,
    sample: unsupported,
    primary: unsupported,
    mayCall: unsupported,
    addSecret: unsupported,
  };
}
