/** A wait the error body announces, with how far off it may be given its unit (minutes are rounded). */
export interface BodyWait {
  seconds: number;
  slack: number;
  /** Where it was found: a JSON path or the sentence. */
  source: string;
}

const WAIT_FIELDS = new Set(['wait', 'waitseconds', 'retryafter', 'retryafterseconds', 'retryin', 'availablein']);
const SENTENCE = /(?:available|retry|try again)\s+in\s+(\d+(?:\.\d+)?)\s*(second|sec|s|minute|min|hour|h)s?\b/i;
const UNIT_SECONDS: Record<string, number> = { second: 1, sec: 1, s: 1, minute: 60, min: 60, hour: 3600, h: 3600 };
const MAX_DEPTH = 4;

/**
 * The wait an error body announces: a numeric field such as `wait_seconds`, `retry_after` or
 * `details.wait_seconds`, or a sentence like DRF's "Expected available in 3 seconds." or
 * @fastify/rate-limit's "retry in 1 second". Undefined when the body names none.
 */
export function bodyWait(body: string): BodyWait | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fromSentence(body);
  }
  return search(parsed, '', 0);
}

function search(value: unknown, path: string, depth: number): BodyWait | undefined {
  if (typeof value === 'string') {
    const found = fromSentence(value);
    return found && path !== '' ? { ...found, source: `${path}: ${found.source}` } : found;
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  const prefix = path === '' ? '' : `${path}.`;
  const entries = Object.entries(value);
  for (const [key, child] of entries) {
    const seconds = typeof child === 'number' ? child : typeof child === 'string' && /^\d+(\.\d+)?$/.test(child) ? Number(child) : undefined;
    if (seconds !== undefined && WAIT_FIELDS.has(key.toLowerCase().replace(/[_-]/g, ''))) return { seconds, slack: 1, source: `${prefix}${key}` };
  }
  for (const [key, child] of entries) {
    const found = search(child, `${prefix}${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function fromSentence(text: string): BodyWait | undefined {
  const match = SENTENCE.exec(text);
  if (!match) return undefined;
  const unit = UNIT_SECONDS[match[2]!.toLowerCase()]!;
  return { seconds: Number(match[1]) * unit, slack: unit / 2 + 1, source: `"${match[0]}"` };
}
