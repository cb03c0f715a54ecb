import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Schema } from '../spec/model.js';
import { declaredTypes, isObject, numberAt, stringsAt } from './schema.js';

const MAX_DEPTH = 8;
const MAX_ITEMS_CHECKED = 20;

/**
 * False only when the value certainly breaks the schema; true when it conforms or when this bounded,
 * partial check cannot tell (deep nesting, `not`, keywords it does not read). Used to vet documented
 * examples and to keep a `oneOf` sample out of its sibling branches, never as a validator.
 */
export function mayConform(value: unknown, schema: unknown, depth = 0): boolean {
  if (schema === false) return false;
  if (!isObject(schema) || depth > MAX_DEPTH) return true;
  if ('const' in schema && !sameJson(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((entry) => sameJson(entry, value))) return false;
  if (!typeMatches(value, schema)) return false;
  const next = depth + 1;
  if (typeof value === 'string' && !stringHolds(value, schema)) return false;
  if (typeof value === 'number' && !numberHolds(value, schema)) return false;
  if (Array.isArray(value) && !arrayHolds(value, schema, next)) return false;
  if (isObject(value) && !objectHolds(value, schema, next)) return false;
  const all = Array.isArray(schema.allOf) ? schema.allOf : [];
  const any = [schema.anyOf, schema.oneOf].filter(Array.isArray);
  return all.every((sub) => mayConform(value, sub, next)) && any.every((list) => list.some((sub) => mayConform(value, sub, next)));
}

/** Structural equality of two JSON values, bounded in depth (deeper parts count as equal). */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((entry, index) => sameJson(entry, b[index], depth + 1));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key], depth + 1));
  }
  return false;
}

function typeMatches(value: unknown, schema: Schema): boolean {
  const types = declaredTypes(schema);
  if (types === undefined) return true;
  return types.some((type) => {
    switch (type) {
      case 'null':
        return value === null;
      case 'integer':
        return Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      default:
        return typeof value === type;
    }
  });
}

function stringHolds(value: string, schema: Schema): boolean {
  const length = [...value].length;
  if (length < (numberAt(schema, 'minLength') ?? 0) || length > (numberAt(schema, 'maxLength') ?? Infinity)) return false;
  if (typeof schema.pattern === 'string' && compile(schema.pattern)?.test(value) === false) return false;
  return formatHolds(value, schema.format, 'string');
}

function numberHolds(value: number, schema: Schema): boolean {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  const below = (bound: unknown, open: boolean): boolean => typeof bound === 'number' && (open ? value <= bound : value < bound);
  const above = (bound: unknown, open: boolean): boolean => typeof bound === 'number' && (open ? value >= bound : value > bound);
  if (below(minimum, exclusiveMinimum === true) || below(exclusiveMinimum, true)) return false;
  if (above(maximum, exclusiveMaximum === true) || above(exclusiveMaximum, true)) return false;
  if (typeof multipleOf === 'number' && multipleOf > 0 && !Number.isInteger(value / multipleOf)) return false;
  return formatHolds(value, schema.format, 'number');
}

function arrayHolds(value: unknown[], schema: Schema, depth: number): boolean {
  if (value.length < (numberAt(schema, 'minItems') ?? 0) || value.length > (numberAt(schema, 'maxItems') ?? Infinity)) return false;
  const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : [];
  const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  return value
    .slice(0, MAX_ITEMS_CHECKED)
    .every((entry, index) => mayConform(entry, index < tuple.length ? tuple[index] : rest, depth));
}

function objectHolds(value: Record<string, unknown>, schema: Schema, depth: number): boolean {
  const keys = Object.keys(value);
  if (keys.length < (numberAt(schema, 'minProperties') ?? 0) || keys.length > (numberAt(schema, 'maxProperties') ?? Infinity)) return false;
  if (stringsAt(schema, 'required').some((name) => !(name in value))) return false;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties) : [];
  return keys.every((key) => {
    if (key in properties) return mayConform(value[key], properties[key], depth);
    if (patterns.some((pattern) => compile(pattern)?.test(key) !== false)) return true;
    return mayConform(value[key], schema.additionalProperties, depth);
  });
}

function formatHolds(value: string | number, format: unknown, type: 'string' | 'number'): boolean {
  if (typeof format !== 'string' || !(format in fullFormats)) return true;
  const definition = fullFormats[format as keyof typeof fullFormats];
  if (definition instanceof RegExp) return type !== 'string' || definition.test(String(value));
  if (typeof definition === 'function') return type !== 'string' || (definition as (data: string) => boolean)(String(value));
  if (typeof definition === 'object' && 'validate' in definition && (definition.type ?? 'string') === type) {
    const validate = definition.validate;
    return validate instanceof RegExp ? validate.test(String(value)) : (validate as (data: unknown) => boolean)(value);
  }
  return true;
}

const compiled = new Map<string, RegExp | undefined>();

/** The pattern as ECMAScript understands it with the `u` flag (as ajv does), or undefined when it cannot be compiled. */
export function compile(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = undefined;
    }
    compiled.set(pattern, regex);
  }
  return compiled.get(pattern);
}
