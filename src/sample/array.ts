import type { Schema } from '../spec/model.js';
import { child, isMinimal, NONE, type Generation, type Position } from './context.js';
import { mergeSchemas } from './merge.js';
import { isObject, numberAt } from './schema.js';

const UNIQUE_ATTEMPTS = 16;

/**
 * An array for an array schema: `minItems` items when minimal, else one item (or one per tuple entry),
 * within `maxItems`; the first item also matches `contains`; items differ when `uniqueItems` is set.
 */
export function generateArray(schema: Schema, generation: Generation, at: Position): unknown[] | typeof NONE {
  const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : [];
  const rest = Array.isArray(schema.prefixItems) ? schema.items : Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  const contains = isObject(schema.contains) ? schema.contains : undefined;
  const min = Math.max(numberAt(schema, 'minItems') ?? 0, contains ? 1 : 0);
  const max = Math.min(numberAt(schema, 'maxItems') ?? Infinity, rest === false ? tuple.length : Infinity);
  if (min > max) return NONE;
  const wanted = isMinimal(generation, at) ? min : Math.min(max, Math.max(min, tuple.length || 1));
  const unique = schema.uniqueItems === true;
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < wanted; index++) {
    const itemSchema = index < tuple.length ? tuple[index] : (rest ?? true);
    const value = uniqueItem(index === 0 && contains ? mergeSchemas([itemSchema, contains]) : itemSchema, unique ? seen : undefined, index, wanted, generation, at);
    if (value === NONE) {
      if (index < min) return NONE;
      break;
    }
    items.push(value);
  }
  return items;
}

// An item; when `seen` is given, one whose JSON differs from those seen (then recorded).
function uniqueItem(schema: unknown, seen: Set<string> | undefined, index: number, count: number, generation: Generation, at: Position): unknown {
  for (let attempt = 0; attempt < (seen ? UNIQUE_ATTEMPTS : 1); attempt++) {
    const value = generation.generate(schema, child(at, seen ? index + attempt * count : 0));
    if (value === NONE || !seen) return value;
    const key = JSON.stringify(value);
    if (!seen.has(key)) {
      seen.add(key);
      return value;
    }
  }
  return NONE;
}
