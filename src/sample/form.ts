import type { Schema } from '../spec/model.js';
import { isObject } from './schema.js';
import { bracketPairs, text } from './serialize.js';

const BOUNDARY = 'specgate-boundary-7d3f9a';

/**
 * An `application/x-www-form-urlencoded` body: top-level arrays of primitives as repeated keys (form,
 * explode), nested objects and arrays in bracket notation (`metadata[key]=v`, as Stripe and Rails read it).
 */
export function urlEncoded(value: unknown): string {
  if (!isObject(value)) return text(value);
  return new URLSearchParams(formPairs(value)).toString();
}

/**
 * A `multipart/form-data` body and its content type (with the boundary): one part per property, repeated
 * for arrays; objects as JSON parts; `format: binary` (or 2.0 `type: file`) properties as file parts.
 */
export function multipart(value: unknown, schema: Schema | undefined): { contentType: string; body: string } {
  const properties = schema && isObject(schema.properties) ? schema.properties : {};
  const parts = Object.entries(isObject(value) ? value : { value }).flatMap(([name, entry]) =>
    (Array.isArray(entry) ? entry : [entry]).map((item) => part(name, item, isBinary(properties[name]))),
  );
  return { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: `${parts.join('')}--${BOUNDARY}--\r\n` };
}

function formPairs(value: Record<string, unknown>): [string, string][] {
  return Object.entries(value).flatMap(([name, entry]) =>
    Array.isArray(entry) && entry.every((item) => !isObject(item) && !Array.isArray(item))
      ? entry.map((item): [string, string] => [name, text(item)])
      : bracketPairs(name, entry),
  );
}

function part(name: string, value: unknown, binary: boolean): string {
  const disposition = `Content-Disposition: form-data; name="${name}"${binary ? `; filename="${name}.bin"` : ''}`;
  const type = binary ? 'application/octet-stream' : isObject(value) || Array.isArray(value) ? 'application/json' : undefined;
  return `--${BOUNDARY}\r\n${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${text(value)}\r\n`;
}

function isBinary(schema: unknown): boolean {
  const items = isObject(schema) && schema.type === 'array' && isObject(schema.items) ? schema.items : schema;
  return isObject(items) && (items.format === 'binary' || items.type === 'file');
}
