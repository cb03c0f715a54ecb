import { SpecgateError } from '../errors.js';

/** Counts requests against `safety.maxRequests`; the request past the budget is refused. */
export class RequestBudget {
  #used = 0;
  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  take(): void {
    if (this.#used >= this.limit) {
      throw new SpecgateError('SPECGATE_BUDGET_EXHAUSTED', `the request budget is spent: safety.maxRequests allows ${this.limit} requests per run`, {
        hint: 'raise safety.maxRequests in the config, or narrow the run with --suite/--check',
      });
    }
    this.#used++;
  }
}
