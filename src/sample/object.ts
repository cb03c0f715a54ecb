import type { Schema } from '../spec/model.js';
import { child, isMinimal, NONE, type Generation, type Position } from './context.js';
import { compile } from './conforms.js';
import { patternString } from './pattern.js';
import type { Random } from './random.js';
import { isObject, numberAt, stringsAt } from './schema.js';
import { sampleString } from './string.js';

const KEY_ATTEMPTS = 4;

/**
 * An object for an object schema: every required property, up to `optionalProperties` optional ones (none
 * once minimal), extra keys from `additionalProperties`/`patternProperties` for `minProperties` or for a
 * map-like object, never more than `maxProperties`. Properties that are `readOnly` (in a request) or
 * `writeOnly` (in a response) are left out, even when required.
 */
export function generateObject(schema: Schema, generation: Generation, at: Position): Record<string, unknown> | typeof NONE {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const visible = Object.keys(properties).filter((name) => !hidden(properties[name], generation.direction));
  const required = stringsAt(schema, 'required').filter((name) => !(name in properties) || visible.includes(name));
  const minProperties = numberAt(schema, 'minProperties') ?? 0;
  const maxProperties = numberAt(schema, 'maxProperties') ?? Infinity;
  const optional = shuffle(visible.filter((name) => !required.includes(name)), generation.rng);
  const wanted = isMinimal(generation, at) ? 0 : generation.optionalProperties;
  const room = Math.min(maxProperties, Math.max(minProperties, required.length + wanted)) - required.length;
  const chosen = new Set([...required, ...optional.slice(0, Math.max(0, room))]);
  const out: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(properties), ...required])) {
    if (!chosen.has(name)) continue;
    const value = generation.generate(name in properties ? properties[name] : extraSchema(schema, name), child(at));
    if (value !== NONE) out[name] = value;
    else if (required.includes(name)) return NONE;
  }
  const mapLike = Object.keys(properties).length === 0 && isObject(schema.additionalProperties) && !isMinimal(generation, at);
  const extras = Math.min(maxProperties, Math.max(minProperties, mapLike ? 1 : 0)) - Object.keys(out).length;
  addExtras(out, schema, Math.max(0, extras), generation, at);
  const count = Object.keys(out).length;
  return count < minProperties || count > maxProperties ? NONE : out;
}

function addExtras(out: Record<string, unknown>, schema: Schema, count: number, generation: Generation, at: Position): void {
  for (let index = 0, added = 0; added < count && index < count + KEY_ATTEMPTS; index++) {
    const key = distinct(extraKey(schema, index, generation.rng), index, out);
    const keySchema = key === undefined ? false : extraSchema(schema, key);
    if (key === undefined || keySchema === false) continue;
    const value = generation.generate(keySchema, child(at, index));
    if (value === NONE) continue;
    out[key] = value;
    added++;
  }
}

// A key not yet in the object: the candidate, else the candidate with the index appended.
function distinct(key: string | undefined, index: number, out: Record<string, unknown>): string | undefined {
  if (key === undefined || !(key in out)) return key;
  return `${key}${index}` in out ? undefined : `${key}${index}`;
}

// The schema a property not listed in `properties` must match.
function extraSchema(schema: Schema, name: string): unknown {
  const patterns = isObject(schema.patternProperties) ? schema.patternProperties : {};
  const matched = Object.keys(patterns).find((pattern) => compile(pattern)?.test(name));
  if (matched !== undefined) return patterns[matched];
  return schema.additionalProperties ?? true;
}

function extraKey(schema: Schema, index: number, rng: Random): string | undefined {
  if (isObject(schema.propertyNames)) return sampleString(schema.propertyNames, rng, index);
  if (schema.additionalProperties !== false) return `key${index + 1}`;
  const pattern = Object.keys(isObject(schema.patternProperties) ? schema.patternProperties : {})[0];
  return pattern === undefined ? undefined : patternString(pattern, 1, 32, rng);
}

function hidden(schema: unknown, direction: Generation['direction']): boolean {
  if (!isObject(schema)) return false;
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  return schema[flag] === true || (Array.isArray(schema.allOf) && schema.allOf.some((member) => isObject(member) && member[flag] === true));
}

function shuffle<T>(entries: T[], rng: Random): T[] {
  const out = [...entries];
  for (let index = out.length - 1; index > 0; index--) {
    const other = rng.int(0, index);
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}
