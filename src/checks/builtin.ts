import { authChecks } from './auth/index.js';
import { errorsChecks } from './errors/index.js';
import { pathsChecks } from './paths/index.js';
import { CheckRegistry } from './registry.js';
import { tenancyChecks } from './tenancy/index.js';
import { throttleChecks } from './throttle/index.js';

/**
 * A registry holding every built-in check, in report order.
 *
 * @example
 * const ids = builtinRegistry().all().map((check) => check.id);
 */
export function builtinRegistry(): CheckRegistry {
  return new CheckRegistry([...pathsChecks, ...authChecks, ...tenancyChecks, ...errorsChecks, ...throttleChecks]);
}
