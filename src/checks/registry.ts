import type { CheckDefinition, Family } from './check.js';

/**
 * A name-keyed set of checks; adding an id twice is an error, and an id starts with its family.
 *
 * @example
 * const registry = builtinRegistry().register(myCheck);
 * const report = await runContract({ spec, config, client, registry });
 */
export class CheckRegistry {
  readonly #checks = new Map<string, CheckDefinition>();

  constructor(checks: Iterable<CheckDefinition> = []) {
    for (const check of checks) this.register(check);
  }

  /** Adds a check; custom checks use the same signature as the built-in ones. */
  register(check: CheckDefinition): this {
    if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(check.id)) {
      throw new Error(`check id "${check.id}" must look like "family.name" (lower case, digits, dashes)`);
    }
    if (!check.id.startsWith(`${check.family}.`)) throw new Error(`check id "${check.id}" must start with its family "${check.family}."`);
    if (this.#checks.has(check.id)) throw new Error(`check "${check.id}" is already registered`);
    this.#checks.set(check.id, check);
    return this;
  }

  get(id: string): CheckDefinition | undefined {
    return this.#checks.get(id);
  }

  all(): CheckDefinition[] {
    return [...this.#checks.values()];
  }

  families(): Family[] {
    return [...new Set(this.all().map((check) => check.family))];
  }
}
