import type { Schema } from '../spec/model.js';
import { sameJson } from './conforms.js';
import { declaredTypes, isObject, type JsonType } from './schema.js';

const MAX_NESTING = 8;
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const BRANCHES = ['oneOf', 'anyOf'];

/**
 * Merges schemas that must all hold (the members of an `allOf`, nested ones flattened) into one. The merge
 * is shallow, so it stays finite on circular schemas: a property or `items` declared by several members
 * becomes an `allOf` of theirs, merged only when a value is generated for it. Members' `example`,
 * `examples` and `default` are dropped (they describe the member, not the whole), and 3.0 boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numeric bounds. Returns false when a member is `false`.
 */
export function mergeSchemas(schemas: unknown[]): Schema | false {
  const members = flatten(schemas, 0, new Set());
  return members.includes(false) ? false : members.filter(isObject).reduce(mergeTwo, {});
}

function flatten(schemas: unknown[], nesting: number, seen: Set<object>): (Schema | false)[] {
  const members: (Schema | false)[] = [];
  for (const schema of schemas) {
    if (schema === false) members.push(false);
    if (!isObject(schema) || seen.has(schema)) continue;
    seen.add(schema);
    const { allOf, ...rest } = schema;
    members.push(normalise(rest));
    if (Array.isArray(allOf) && nesting < MAX_NESTING) members.push(...flatten(allOf, nesting + 1, seen));
  }
  return members;
}

function normalise(schema: Schema): Schema {
  const { example: _example, examples: _examples, default: _default, ...out } = schema;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
  return out;
}

function mergeTwo(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (!(key in out)) out[key] = value;
    else if (key === 'const' && !sameJson(out.const, value)) out.enum = [];
    else if (BRANCHES.includes(key)) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { [key]: value }];
    else out[key] = combine(key, out[key], value);
  }
  const types = intersectTypes(declaredTypes(a), declaredTypes(b));
  if (types) {
    out.type = types;
    delete out.nullable;
  }
  return restrictToAllowedNames(out, [a, b]);
}

function combine(key: string, a: unknown, b: unknown): unknown {
  if (LOWER_BOUNDS.includes(key) && typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  if (UPPER_BOUNDS.includes(key) && typeof a === 'number' && typeof b === 'number') return Math.min(a, b);
  switch (key) {
    case 'properties':
    case 'patternProperties':
      return mergeMaps(a, b);
    case 'required':
      return [...new Set([...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])])];
    case 'enum':
      return Array.isArray(a) && Array.isArray(b) ? a.filter((entry) => b.some((other) => sameJson(entry, other))) : a;
    case 'additionalProperties':
      return a === false || b === false ? false : a === true ? b : b === true ? a : { allOf: [a, b] };
    case 'items':
    case 'contains':
    case 'propertyNames':
      return isObject(a) && isObject(b) ? { allOf: [a, b] } : a;
    case 'not':
      return { anyOf: [a, b] };
    case 'multipleOf':
      return typeof a === 'number' && typeof b === 'number' ? mergeMultiples(a, b) : a;
    case 'readOnly':
    case 'writeOnly':
    case 'uniqueItems':
      return a === true || b === true;
    default:
      return a;
  }
}

function mergeMaps(a: unknown, b: unknown): Schema {
  const out: Schema = { ...(isObject(a) ? a : {}) };
  for (const [name, schema] of Object.entries(isObject(b) ? b : {})) {
    out[name] = name in out ? { allOf: [out[name], schema] } : schema;
  }
  return out;
}

function mergeMultiples(a: number, b: number): number {
  if (Number.isInteger(a / b)) return a;
  if (Number.isInteger(b / a)) return b;
  return a * b;
}

function intersectTypes(a: JsonType[] | undefined, b: JsonType[] | undefined): JsonType[] | undefined {
  if (!a || !b) return a ?? b;
  const both = a.filter((type) => b.includes(type) || (type === 'integer' && b.includes('number')));
  const narrowed = b.includes('integer') && a.includes('number') && !both.includes('integer') ? ['integer' as const] : [];
  return [...both, ...narrowed];
}

// `additionalProperties: false` in a member allows only that member's properties in the merged object.
function restrictToAllowedNames(out: Schema, members: Schema[]): Schema {
  const closed = members.filter((member) => member.additionalProperties === false);
  if (closed.length === 0 || !isObject(out.properties)) return out;
  const allowed = (name: string): boolean =>
    closed.every((member) => isObject(member.properties) && name in member.properties);
  return { ...out, properties: Object.fromEntries(Object.entries(out.properties).filter(([name]) => allowed(name))) };
}
