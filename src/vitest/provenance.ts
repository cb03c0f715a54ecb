import type { Config } from '../config/schema.js';
import type { Exchange } from '../http/exchange.js';
import type { ApiSpec } from '../spec/model.js';

/** The contract an exchange was sent under: what the matchers judge it by. */
export interface Provenance {
  spec: ApiSpec;
  config: Config;
}

const provenance = new WeakMap<Exchange, Provenance>();

export function remember(exchange: Exchange, origin: Provenance): Exchange {
  provenance.set(exchange, origin);
  return exchange;
}

export function provenanceOf(exchange: Exchange): Provenance | undefined {
  return provenance.get(exchange);
}
