import { errorsChecks } from './errors/index.js';
import { pathsChecks } from './paths/index.js';
import { CheckRegistry } from './registry.js';

/** A registry holding every built-in check, in report order. */
export function builtinRegistry(): CheckRegistry {
  return new CheckRegistry([...pathsChecks, ...errorsChecks]);
}
