import type { Operation, Schema } from '../../spec/model.js';
import { isObject } from '../../errors-format/object.js';

/** The schema of the request body in the media type a request was sent with. */
export function requestSchema(operation: Operation, contentType: string): Schema | undefined {
  const essence = essenceOf(contentType);
  return operation.requestBody?.content.find((media) => essenceOf(media.type) === essence)?.schema;
}

/** The properties a schema declares itself or through `allOf`, readOnly ones left out (requests never carry them). */
export function writableProperties(schema: Schema): Map<string, Schema> {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  const properties = new Map<string, Schema>();
  for (const part of [...parts, schema]) {
    if (!isObject(part.properties)) continue;
    for (const [name, property] of Object.entries(part.properties)) if (isObject(property) && property.readOnly !== true) properties.set(name, property);
  }
  return properties;
}

/** The required property names of a schema, its own and through `allOf`. */
export function requiredNames(schema: Schema): string[] {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  return [...new Set([...parts, schema].flatMap((part) => (Array.isArray(part.required) ? part.required.filter((n): n is string => typeof n === 'string') : [])))];
}

/** The JSON type a schema declares (the first non-null one of a type list), if any. */
export function declaredType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return undefined;
}

export function essenceOf(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}
