import type { Random } from './random.js';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const n = (rng: Random): number => rng.int(1, 999);
const date = (rng: Random): string => `${rng.int(2020, 2029)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
const time = (rng: Random): string => `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
const url = (rng: Random): string => `https://example.com/items/${n(rng)}`;
const email = (rng: Random): string => `user${n(rng)}@example.com`;
const hostname = (rng: Random): string => `host${n(rng)}.example.com`;
const integer = (rng: Random): string => String(n(rng));
const decimal = (rng: Random): string => `${n(rng)}.5`;

const GENERATORS: Readonly<Record<string, (rng: Random) => string>> = {
  uuid,
  'date-time': (rng) => `${date(rng)}T${time(rng)}Z`,
  date,
  time: (rng) => `${time(rng)}Z`,
  duration: (rng) => `P${n(rng)}D`,
  email,
  'idn-email': email,
  uri: url,
  url,
  iri: url,
  'uri-reference': url,
  'iri-reference': url,
  'uri-template': (rng) => `https://example.com/items/${n(rng)}/{id}`,
  hostname,
  'idn-hostname': hostname,
  ipv4: (rng) => `192.0.2.${rng.int(1, 254)}`,
  ipv6: (rng) => `2001:db8::${n(rng).toString(16)}`,
  byte: (rng) => Buffer.from(`specgate-${n(rng)}`).toString('base64'),
  'json-pointer': (rng) => `/items/${n(rng)}`,
  'relative-json-pointer': (rng) => `0/items/${n(rng)}`,
  regex: (rng) => `^item-${n(rng)}$`,
  int32: integer,
  int64: integer,
  float: decimal,
  double: decimal,
  decimal,
};

/** True when {@link formatString} can produce values of the format. */
export function knowsFormat(format: string): boolean {
  return Object.hasOwn(GENERATORS, format);
}

/**
 * A string in the given `format` (the JSON Schema and OpenAPI ones that constrain a value), or undefined for
 * a format it does not know or that only annotates (`password`, `binary`).
 */
export function formatString(format: string, rng: Random): string | undefined {
  return knowsFormat(format) ? GENERATORS[format]!(rng) : undefined;
}

function uuid(rng: Random): string {
  const hex = (digits: number): string => Array.from({ length: digits }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + rng.int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
}
