import { mediaType, type RecordedResponse } from '../../http/exchange.js';

const MAX_DEPTH = 12;

/**
 * The structure of a response body without its values: media type, then JSON keys and value types (arrays
 * as the set of their items' shapes). Request ids, timestamps and messages naming the id do not change it.
 */
export function bodyShape(response: RecordedResponse): string {
  const type = mediaType(response) || 'none';
  if (response.body === '') return `${type} empty`;
  try {
    return `${type} ${shapeOf(JSON.parse(response.body), 0)}`;
  } catch {
    return `${type} text`;
  }
}

function shapeOf(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) return '…';
  if (Array.isArray(value)) return `[${[...new Set(value.map((item) => shapeOf(item, depth + 1)))].sort().join('|')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${key}:${shapeOf((value as Record<string, unknown>)[key], depth + 1)}`).join(',')}}`;
  }
  return typeof value;
}
