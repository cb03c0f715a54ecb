import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { nonexistentLike } from './nonexistent.js';

export type NonexistentValues = { values: Record<string, unknown> } | { skip: string; enableWith: string };

/**
 * Ids that no tenant has, one per parameter, shaped like the owner's fixtures (or `tenancy.nonexistent`);
 * made once per run and operation so every check compares with the same ones.
 */
export function nonexistentValues(ctx: CheckContext, operation: Operation, owner: string, params: readonly string[]): Promise<NonexistentValues> {
  return ctx.shared(`nonexistent ${operation.key} ${owner}`, async (): Promise<NonexistentValues> => {
    const { fixtures, tenancy } = ctx.config;
    const values: Record<string, unknown> = {};
    for (const name of params) {
      const taken = Object.values(fixtures).map((group) => group[name]);
      const schema = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
      const value = tenancy.nonexistent[name] ?? nonexistentLike(fixtures[owner]?.[name], schema, taken);
      if (value === undefined) return { skip: `cannot make a nonexistent ${name} shaped like ${JSON.stringify(fixtures[owner]?.[name])}`, enableWith: `tenancy.nonexistent.${name}` };
      values[name] = value;
    }
    return { values };
  });
}
