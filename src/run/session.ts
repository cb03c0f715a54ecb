import { setMaxListeners } from 'node:events';
import type pLimit from 'p-limit';
import type { Identity } from '../auth/identity.js';
import { authorisedIdentity } from '../auth/permitted.js';
import type { CheckContext, PrimaryExchange, SampleResult, SendOptions } from '../checks/check.js';
import { requestIdHeader, withRequestId } from '../config/request-id.js';
import type { Config } from '../config/schema.js';
import type { Exchange, HttpClient, OutgoingRequest } from '../http/exchange.js';
import { parseRetryAfter } from '../http/retry-after.js';
import { sampleRequest } from '../sample/request.js';
import type { ApiSpec, Operation } from '../spec/model.js';
import type { RequestBudget } from './budget.js';
import { mayCall } from './safety.js';

const LOGGED_BODY_LIMIT = 64 * 1024;
const BACKOFF_ATTEMPTS = 3;

export interface SessionOptions {
  spec: ApiSpec;
  config: Config;
  client: HttpClient;
  identities: Identity[];
  budget: RequestBudget;
  limit: ReturnType<typeof pLimit>;
  allowDestructive: boolean;
  maxWaitSeconds: number;
  signal?: AbortSignal | undefined;
  /** Where secrets derived during the run (tampered tokens…) are registered for redaction. */
  secrets?: { addSecret(secret: string): void } | undefined;
}

/**
 * The run's shared state behind every CheckContext: one transport, one budget, one exchange log, and the
 * primary exchange of each operation sent once and shared by the checks that need it.
 */
export class RunSession {
  readonly #options: SessionOptions;
  readonly #log: Exchange[] = [];
  readonly #shared = new Map<string, Promise<unknown>>();
  readonly #contexts = new Map<Operation | undefined, CheckContext>();
  /** The caller's signal, as one the session may hang a listener on per request in flight. */
  readonly #signal: AbortSignal | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
    if (options.signal) {
      this.#signal = AbortSignal.any([options.signal]);
      setMaxListeners(0, this.#signal);
    }
  }

  get requests(): number {
    return this.#options.budget.used;
  }

  /** The context checks of one operation share; one object per operation (and one for API-wide checks). */
  context(operation: Operation | undefined): CheckContext {
    let ctx = this.#contexts.get(operation);
    if (!ctx) this.#contexts.set(operation, (ctx = this.#createContext(operation)));
    return ctx;
  }

  #createContext(operation: Operation | undefined): CheckContext {
    const { spec, config, identities, allowDestructive, maxWaitSeconds } = this.#options;
    return {
      spec,
      config,
      operation,
      identities,
      allowDestructive,
      maxWaitSeconds,
      send: (request, options) => this.send(request, options),
      sample: (op, options) => this.sample(op, options?.tenant, options?.values),
      primary: (op) => this.primary(op),
      shared: (key, compute) => this.shared(key, compute),
      exchanges: () => this.#log,
      mayCall: (op) => mayCall(op, config, allowDestructive),
      addSecret: (secret) => this.#options.secrets?.addSecret(secret),
    };
  }

  sample(operation: Operation, tenant: string | undefined, values?: Record<string, unknown>): SampleResult {
    const fixtures = this.#options.config.fixtures;
    const group = tenant ?? 'default';
    return sampleRequest(operation, {
      fixtures: values ? { ...fixtures, [group]: { ...fixtures[group], ...values } } : fixtures,
      tenant,
      headers: this.#options.config.headers,
    });
  }

  async send(request: OutgoingRequest, options: SendOptions = {}): Promise<Exchange> {
    const identity = options.credentials ? undefined : options.identity;
    if (!identity) return this.#deliver(request, options.credentials, options);
    for (let renewed = false; ; renewed = true) {
      const credentials = await identity.credentials();
      const exchange = await this.#deliver(request, credentials, options);
      if (renewed || !(await identity.answered(credentials, exchange.response?.status))) return exchange;
    }
  }

  async #deliver(request: OutgoingRequest, credentials: SendOptions['credentials'], options: SendOptions): Promise<Exchange> {
    const { spec, config } = this.#options;
    const outgoing = withCredentials(withRequestId(request, requestIdHeader(spec, config)), credentials);
    for (let attempt = 0; ; attempt++) {
      const exchange = await this.#options.limit(() => this.#sendNow(outgoing));
      this.#record(exchange);
      const backoff = this.#backoffSeconds(exchange, attempt, options);
      if (backoff === undefined) return exchange;
      await sleep(backoff * 1000, this.#signal);
    }
  }

  // Checked when the request's turn in the limiter comes: a stopped run or a spent budget sends nothing more.
  // A request cut short by the stop is no evidence of anything, so it is not returned to the check.
  async #sendNow(outgoing: OutgoingRequest): Promise<Exchange> {
    this.#signal?.throwIfAborted();
    this.#options.budget.take();
    const exchange = await this.#options.client.send(outgoing, { signal: this.#signal });
    this.#signal?.throwIfAborted();
    return exchange;
  }

  primary(operation: Operation): Promise<PrimaryExchange> {
    return this.shared(`primary ${operation.key}`, () => this.#sendPrimary(operation));
  }

  shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let pending = this.#shared.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = compute();
      this.#shared.set(key, pending);
    }
    return pending;
  }

  async #sendPrimary(operation: Operation): Promise<PrimaryExchange> {
    const { config, allowDestructive } = this.#options;
    if (!mayCall(operation, config, allowDestructive)) {
      return {
        skip: `${operation.method.toUpperCase()} is not a safe method and destructive requests are off`,
        enableWith: '--allow-destructive (or safety.safeOperations)',
      };
    }
    const chosen = authorisedIdentity(operation, config, this.#options.identities, this.#options.spec.securitySchemes);
    if ('skip' in chosen) return chosen;
    const sampled = this.sample(operation, chosen.identity?.tenant);
    if ('missing' in sampled) {
      return { skip: `no value for ${sampled.missing.join(', ')}`, enableWith: `fixtures.<tenant>.${sampled.missing[0]}` };
    }
    const exchange = await this.send(sampled.request, { identity: chosen.identity });
    return { exchange, identity: chosen.identity };
  }

  #backoffSeconds(exchange: Exchange, attempt: number, options: SendOptions): number | undefined {
    if (exchange.response?.status !== 429 || options.noBackoff || attempt >= BACKOFF_ATTEMPTS) return undefined;
    const announced = parseRetryAfter(exchange.response.headers['retry-after']);
    const wait = announced ?? 2 ** attempt;
    return Math.min(wait, this.#options.maxWaitSeconds);
  }

  #record(exchange: Exchange): void {
    const response = exchange.response;
    if (response && response.body.length > LOGGED_BODY_LIMIT) {
      this.#log.push({ ...exchange, response: { ...response, body: response.body.slice(0, LOGGED_BODY_LIMIT), truncated: true } });
    } else this.#log.push(exchange);
  }
}

function withCredentials(request: OutgoingRequest, credentials: SendOptions['credentials']): OutgoingRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (!credentials) return { ...request, headers };
  for (const [name, value] of Object.entries(credentials.headers ?? {})) headers[name.toLowerCase()] = value;
  const query = new URLSearchParams(credentials.query ?? {}).toString();
  if (query === '') return { ...request, headers };
  return { ...request, headers, path: `${request.path}${request.path.includes('?') ? '&' : '?'}${query}` };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
