import type { Schema } from '../spec/model.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

const JSON_TYPES: readonly string[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames'];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const INTEGER_FORMATS = ['int32', 'int64'];
const NUMBER_FORMATS = ['float', 'double'];

/** True for a plain object (a schema, a map, a JSON object); false for arrays, null and primitives. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The numeric value of a keyword, or undefined when absent or not a finite number. */
export function numberAt(schema: Schema, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The string entries of a keyword holding a list (`required`, `enum` of names…). */
export function stringsAt(schema: Schema, keyword: string): string[] {
  const value = schema[keyword];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * The types a schema declares (`type` as a string or a 3.1 list, plus 3.0 `nullable`), or undefined when it
 * declares none. Swagger 2.0 `file` counts as a string.
 */
export function declaredTypes(schema: Schema): JsonType[] | undefined {
  const raw = schema.type;
  const listed = (Array.isArray(raw) ? raw : raw === undefined ? undefined : [raw])?.map((type) =>
    type === 'file' ? 'string' : type,
  );
  if (!listed) return undefined;
  const types = listed.filter((type): type is JsonType => typeof type === 'string' && JSON_TYPES.includes(type));
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

/** The types to try when generating, declared or inferred from the keywords present, `null` last. */
export function typesToTry(schema: Schema): JsonType[] {
  const types = declaredTypes(schema) ?? [inferType(schema)];
  return [...types.filter((type) => type !== 'null'), ...types.filter((type) => type === 'null')];
}

function inferType(schema: Schema): JsonType {
  const has = (keywords: string[]): boolean => keywords.some((keyword) => keyword in schema);
  const format = typeof schema.format === 'string' ? schema.format : '';
  if (has(OBJECT_KEYWORDS)) return 'object';
  if (has(ARRAY_KEYWORDS)) return 'array';
  if (INTEGER_FORMATS.includes(format)) return 'integer';
  if (NUMBER_FORMATS.includes(format) || has(NUMBER_KEYWORDS)) return 'number';
  return 'string';
}
