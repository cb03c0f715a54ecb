import type { Operation } from '../spec/model.js';
import { parseRate, parseWindow } from './duration.js';
import type { ThrottleKey } from './model.js';

/** The spellings of the rate-limit extension that are read, in order of preference. */
const RATE_LIMIT_EXTENSIONS = ['x-rate-limit', 'x-ratelimit', 'x-rate-limits', 'x-ratelimits'];

const KEYS = new Set<ThrottleKey>(['ip', 'identity', 'global']);

/** One limit as written in the spec or the config, before scopes are merged. */
export interface Declaration {
  scope?: string;
  limit?: number;
  windowSeconds?: number;
  key?: ThrottleKey;
  identity?: string;
  tolerance?: number;
  /** `x-rate-limit of GET /x` or `throttles[2] in the config`. */
  where: string;
  configKey: string;
}

/**
 * The limits an operation's extension declares: an object `{scope, limit, window, key, tolerance}` (or
 * `{rate: "5/min"}`), a rate string, or a list of those.
 *
 * @returns the declarations, and a description of each entry that could not be read
 */
export function specDeclarations(operation: Operation): { declarations: Declaration[]; problems: string[] } {
  const name = RATE_LIMIT_EXTENSIONS.find((ext) => operation.extensions[ext] !== undefined);
  if (!name) return { declarations: [], problems: [] };
  const raw = operation.extensions[name];
  const entries = Array.isArray(raw) ? raw : [raw];
  const declarations: Declaration[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const where = `${name}${Array.isArray(raw) ? `[${index}]` : ''} of ${operation.key}`;
    const read = readEntry(entry, where);
    if (typeof read === 'string') problems.push(read);
    else declarations.push(read);
  });
  return { declarations, problems };
}

function readEntry(entry: unknown, where: string): Declaration | string {
  if (typeof entry !== 'string' && !isRecord(entry)) return `${where} must be an object like {limit: 5, window: "60s"} or a rate like "5/min"`;
  const fields: Record<string, unknown> = typeof entry === 'string' ? { rate: entry } : entry;
  const declaration: Declaration = { where, configKey: where.split(' ')[0]! };
  if (typeof fields.scope === 'string') declaration.scope = fields.scope;
  if (fields.rate !== undefined) {
    const rate = typeof fields.rate === 'string' ? parseRate(fields.rate) : undefined;
    if (!rate) return `${where}: rate ${JSON.stringify(fields.rate)} is not like "5/min", "100/hour" or "10/10s"`;
    declaration.limit = rate.limit;
    declaration.windowSeconds = rate.windowSeconds;
  }
  if (fields.limit !== undefined) {
    if (!Number.isInteger(fields.limit) || (fields.limit as number) <= 0) return `${where}: limit ${JSON.stringify(fields.limit)} is not a positive integer`;
    declaration.limit = fields.limit as number;
  }
  if (fields.window !== undefined) {
    const window = parseWindow(fields.window);
    if (window === undefined) return `${where}: window ${JSON.stringify(fields.window)} is not a duration like "60s", "1m" or 60`;
    declaration.windowSeconds = window;
  }
  if (fields.key !== undefined) {
    if (!KEYS.has(fields.key as ThrottleKey)) return `${where}: key ${JSON.stringify(fields.key)} is not one of ip, identity, global`;
    declaration.key = fields.key as ThrottleKey;
  }
  if (fields.tolerance !== undefined) {
    if (!Number.isInteger(fields.tolerance) || (fields.tolerance as number) < 0) return `${where}: tolerance must be a non-negative integer`;
    declaration.tolerance = fields.tolerance as number;
  }
  return declaration;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
