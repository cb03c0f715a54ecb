import type { Schema } from './model.js';
import type { JsonObject } from './record.js';

// Swagger 2.0 keywords that a parameter, header or form field carries itself instead of in a `schema`.
const SCHEMA_KEYWORDS = [
  'type', 'format', 'items', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf',
];

/** The schema of a Swagger 2.0 parameter, header or form field; `type: file` becomes a binary string. */
export function swaggerSchema(raw: JsonObject): Schema {
  if (raw.type === 'file') return { type: 'string', format: 'binary' };
  return Object.fromEntries(SCHEMA_KEYWORDS.filter((keyword) => keyword in raw).map((keyword) => [keyword, raw[keyword]]));
}

/** The OpenAPI 3 style/explode of a Swagger 2.0 array parameter's `collectionFormat` (csv by default). */
export function swaggerStyle(raw: JsonObject): { style: string; explode: boolean } | undefined {
  if (raw.type !== 'array') return undefined;
  switch (raw.collectionFormat ?? 'csv') {
    case 'multi':
      return { style: 'form', explode: true };
    case 'csv':
      return { style: raw.in === 'path' || raw.in === 'header' ? 'simple' : 'form', explode: false };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    default:
      return undefined; // tsv has no OpenAPI 3 equivalent
  }
}

/** The media types of `consumes` or `produces`: the operation's, else the document's, else JSON. */
export function swaggerMediaTypes(operation: JsonObject, document: JsonObject, field: 'consumes' | 'produces'): string[] {
  for (const value of [operation[field], document[field]]) {
    if (Array.isArray(value) && value.length > 0) return value.filter((type): type is string => typeof type === 'string');
  }
  return ['application/json'];
}
