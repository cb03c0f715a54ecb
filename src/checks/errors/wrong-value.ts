import type { Schema } from '../../spec/model.js';
import { declaredType } from './request-schema.js';

/** A value of the wrong JSON type for a property, and how to name it; undefined when the schema allows any type. */
export function wrongBodyValue(schema: Schema): { value: unknown; described: string } | undefined {
  switch (declaredType(schema)) {
    case 'integer':
    case 'number':
      return { value: 'specgate-not-a-number', described: 'a string' };
    case 'boolean':
      return { value: 'specgate-not-a-boolean', described: 'a string' };
    case 'array':
      return { value: 'specgate-not-an-array', described: 'a string' };
    case 'object':
      return { value: 'specgate-not-an-object', described: 'a string' };
    case 'string':
      return { value: { specgate: 'not-a-string' }, described: 'an object' };
    default:
      return undefined;
  }
}

/** A path segment that cannot be a value of the parameter's type or format; undefined for free-form strings. */
export function wrongPathValue(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  const type = declaredType(schema);
  if (type === 'integer' || type === 'number') return 'specgate-not-a-number';
  if (type === 'boolean') return 'specgate-not-a-boolean';
  if (type === 'string' && schema.format === 'uuid') return 'specgate-not-a-uuid';
  if (type === 'string' && (schema.format === 'date' || schema.format === 'date-time')) return 'specgate-not-a-date';
  return undefined;
}
