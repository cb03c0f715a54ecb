import type { Operation } from '../spec/model.js';

/** Who shares a bucket: each client address, each identity (token), or every caller together. */
export type ThrottleKey = 'ip' | 'identity' | 'global';

/**
 * One throttle to probe: a limit and the operations that count against it together (a scope), merged
 * from the spec's `x-rate-limit` and the config's `throttles`.
 */
export interface ThrottleTarget {
  /** The scope name, or the operation key for a throttle of its own. */
  id: string;
  /** For messages: `scope "quotes" (GET /quotes, GET /quotes/{id})` or `GET /quotes`. */
  label: string;
  /** Every operation counted in this throttle, sorted by key. */
  operations: Operation[];
  /** Undefined when only a 429 or rate-limit headers are documented: the probe reads it from the headers. */
  limit?: number;
  windowSeconds?: number;
  key: ThrottleKey;
  /** The configured identity to probe as (`throttles[].identity`). */
  identity?: string;
  /** Requests the first 429 may come early or late (`tolerance`); default from the burst's duration. */
  tolerance?: number;
  /** Where the limit is written, for messages: `x-rate-limit of GET /quotes`, `throttles[0] in the config`. */
  source: string;
  /** The key a user edits to change the limit (`x-rate-limit` or `throttles[0]`). */
  configKey: string;
  /** Looser limits documented on the same operations, not probed (a tighter one answers first). */
  notProbed: string[];
}
