import type { Credentials, Token } from './identity.js';

/** Renew a token this long before it expires, so no request carries one that expires in flight. */
const RENEW_BEFORE_MS = 10_000;

/**
 * Keeps one identity's login token for a run: obtained once (a failure is final), renewed before it expires
 * and after a 401 that follows a success. When a token renewed after a 401 is refused straight away, 401s are not about expiry
 * for this API and stop causing renewals (the login operation is often throttled).
 */
export class TokenKeeper {
  readonly #obtain: (previous: Token | undefined) => Promise<Token>;
  #pending: Promise<Token> | undefined;
  #settled: Token | undefined;
  readonly #accepted = new WeakSet<Credentials>();
  readonly #renewedAfter401 = new WeakSet<Credentials>();
  #renewOn401 = true;

  constructor(obtain: (previous: Token | undefined) => Promise<Token>) {
    this.#obtain = obtain;
  }

  async credentials(): Promise<Credentials> {
    const settled = this.#settled;
    if (!this.#pending || (settled?.expiresAt !== undefined && settled.expiresAt - RENEW_BEFORE_MS <= Date.now())) this.#renew();
    return (await this.#pending!).credentials;
  }

  async answered(sent: Credentials, status: number | undefined): Promise<boolean> {
    if (status === undefined) return false;
    if (status !== 401) {
      this.#accepted.add(sent);
      return false;
    }
    if (this.#renewedAfter401.has(sent) && !this.#accepted.has(sent)) this.#renewOn401 = false;
    if (!this.#renewOn401 || !this.#accepted.has(sent)) return false;
    if (this.#settled?.credentials === sent) this.#renewedAfter401.add((await this.#renew()).credentials);
    else await this.#pending;
    return true;
  }

  #renew(): Promise<Token> {
    const previous = this.#settled;
    this.#settled = undefined;
    const pending = this.#obtain(previous).then((token) => {
      if (this.#pending === pending) this.#settled = token;
      return token;
    });
    // A failed login stays failed for the run: retrying a refused password on every check risks a lockout.
    pending.catch(() => undefined);
    this.#pending = pending;
    return pending;
  }
}
