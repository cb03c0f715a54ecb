import type { Config } from '../config/schema.js';
import type { Operation } from '../spec/model.js';

const SAFE_METHODS = new Set(['get', 'head', 'options']);

/** Whether specgate may send this operation's method under the run's safety settings. */
export function mayCall(operation: Operation, config: Config, allowDestructive: boolean): boolean {
  return (
    SAFE_METHODS.has(operation.method) ||
    allowDestructive ||
    config.safety.methods === 'all' ||
    config.safety.safeOperations.includes(operation.key)
  );
}

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toLowerCase());
}
