import type { Parameter } from '../spec/model.js';
import { isObject } from './schema.js';

// Parameter serialisation as OpenAPI 3 defines it by `style` and `explode` (defaults: path and header
// `simple`, query and cookie `form` with explode). Values are percent-encoded where they go into the URL.

/** The text of a primitive: strings as they are, numbers and booleans as JSON, null as empty; others as JSON. */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** Name/value pairs of a nested value in bracket notation: `a[b]=1`, `a[list][0]=x` (deepObject, form bodies). */
export function bracketPairs(name: string, value: unknown): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => bracketPairs(`${name}[${index}]`, entry));
  if (isObject(value)) return Object.entries(value).flatMap(([key, entry]) => bracketPairs(`${name}[${key}]`, entry));
  return [[name, text(value)]];
}

/** The path segment of a path parameter: `simple` (default), `label` or `matrix`. */
export function pathSegment(param: Parameter, value: unknown): string {
  const explode = param.explode ?? false;
  const encode = encodeURIComponent;
  switch (param.style) {
    case 'label':
      return `.${joined(value, explode ? '.' : ',', explode, encode)}`;
    case 'matrix':
      if (explode && (Array.isArray(value) || isObject(value))) {
        return members(value, explode).map(([key, entry]) => `;${encode(key ?? param.name)}=${encode(entry)}`).join('');
      }
      return `;${encode(param.name)}${value === '' ? '' : `=${joined(value, ',', false, encode)}`}`;
    default:
      return joined(value, ',', explode, encode);
  }
}

/** The `name=value` pairs, percent-encoded, of a query parameter: `form` (default), `spaceDelimited`, `pipeDelimited`, `deepObject`. */
export function queryPairs(param: Parameter, value: unknown): string[] {
  const encode = encodeURIComponent;
  const name = encode(param.name);
  const explode = param.explode ?? (param.style === undefined || param.style === 'form');
  if (param.style === 'deepObject') return bracketPairs(param.name, value).map(([key, entry]) => `${encode(key)}=${encode(entry)}`);
  if (explode && (Array.isArray(value) || isObject(value))) {
    return members(value, true).map(([key, entry]) => `${key === undefined ? name : encode(key)}=${encode(entry)}`);
  }
  const separator = param.style === 'spaceDelimited' ? '%20' : param.style === 'pipeDelimited' ? '%7C' : ',';
  return [`${name}=${joined(value, separator, false, encode)}`];
}

/** The value of a header parameter (`simple`); characters outside printable ASCII are percent-encoded. */
export function headerValue(param: Parameter, value: unknown): string {
  return joined(value, ',', param.explode ?? false, (entry) => entry.replace(/[^\x20-\x7e]/gu, (char) => encodeURIComponent(char)));
}

/** The `name=value` pairs of a cookie parameter (`form`, explode by default), values percent-encoded. */
export function cookiePairs(param: Parameter, value: unknown): string[] {
  const explode = param.explode ?? true;
  if (explode && (Array.isArray(value) || isObject(value))) {
    return members(value, true).map(([key, entry]) => `${key ?? param.name}=${encodeURIComponent(entry)}`);
  }
  return [`${param.name}=${joined(value, ',', false, encodeURIComponent)}`];
}

// An array's items or an object's entries as [key, text] (key undefined for array items and primitives).
function members(value: unknown, explode: boolean): [string | undefined, string][] {
  if (Array.isArray(value)) return value.map((entry) => [undefined, text(entry)]);
  if (isObject(value)) {
    return Object.entries(value).flatMap(([key, entry]): [string | undefined, string][] =>
      explode ? [[key, text(entry)]] : [[undefined, key], [undefined, text(entry)]],
    );
  }
  return [[undefined, text(value)]];
}

// Members joined: objects as `k,v,k2,v2`, or `k=v<sep>k2=v2` when exploded; each text encoded.
function joined(value: unknown, separator: string, explode: boolean, encode: (text: string) => string): string {
  return members(value, explode)
    .map(([key, entry]) => (key === undefined ? encode(entry) : `${encode(key)}=${encode(entry)}`))
    .join(separator);
}
