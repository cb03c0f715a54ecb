import type { Config } from '../../config/schema.js';
import type { Operation } from '../../spec/model.js';

/** Path parameters whose value does not come from a fixture, so the resource may well not exist. */
export function unverifiedPathParams(operation: Operation, config: Config, tenant: string | undefined): string[] {
  return operation.parameters
    .filter((p) => p.in === 'path')
    .map((p) => p.name)
    .filter((name) => config.fixtures[tenant ?? 'default']?.[name] === undefined && config.fixtures.default?.[name] === undefined);
}
