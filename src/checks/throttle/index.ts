import type { CheckDefinition } from '../check.js';
import { enforced } from './enforced.js';
import { headers } from './headers.js';
import { keyIsolation } from './key-isolation.js';
import { limitMatches } from './limit-matches.js';
import { recovery } from './recovery.js';
import { retryAfter } from './retry-after.js';

/**
 * The throttle checks in the order they must run: they share one probe per throttle; key-isolation needs
 * the probing identity still throttled, and recovery waits out the window, so they come last.
 */
export const throttleChecks: CheckDefinition[] = [enforced, limitMatches, retryAfter, headers, keyIsolation, recovery];
