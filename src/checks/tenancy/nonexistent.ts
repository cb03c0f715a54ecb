import { randomBytes, randomUUID } from 'node:crypto';
import { alter } from '../../auth/alter.js';
import type { Schema } from '../../spec/model.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{8,}$/i;
const MIN_DIGITS = 6;

/**
 * An id of the same shape as an existing one that no tenant has: a random UUID for a UUID, random hex of the
 * same length for hex ids, the last run of digits turned into nines (`m-acme-1` → `m-acme-999999`, `42` →
 * `999999`), otherwise the second half altered within character classes. Undefined for values of no id shape.
 */
export function nonexistentLike(value: unknown, schema: Schema | undefined, taken: readonly unknown[]): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return numberLike(value, schema, taken);
  if (typeof value !== 'string' || value === '') return undefined;
  const candidates = stringCandidates(value, schema);
  const pattern = typeof schema?.pattern === 'string' ? safeRegex(schema.pattern) : undefined;
  const fits = (candidate: string) => !taken.includes(candidate) && candidate !== value && (!pattern || pattern.test(candidate));
  return candidates.find(fits) ?? candidates.find((c) => !taken.includes(c) && c !== value);
}

function numberLike(value: number, schema: Schema | undefined, taken: readonly unknown[]): number {
  const maximum = typeof schema?.maximum === 'number' ? schema.maximum : Number.MAX_SAFE_INTEGER;
  let candidate = Math.min(Number('9'.repeat(Math.max(String(Math.abs(value)).length, MIN_DIGITS))), maximum);
  for (let i = 0; i < 10 && (candidate === value || taken.includes(candidate)); i++) candidate--;
  return candidate;
}

function stringCandidates(value: string, schema: Schema | undefined): string[] {
  if (UUID.test(value)) {
    const uuid = randomUUID();
    return [value === value.toUpperCase() ? uuid.toUpperCase() : uuid];
  }
  if (HEX.test(value)) {
    const hex = randomBytes(Math.ceil(value.length / 2)).toString('hex').slice(0, value.length);
    return [value === value.toUpperCase() && /[A-F]/.test(value) ? hex.toUpperCase() : hex, alter(value)];
  }
  const run = /(\d+)(?!.*\d)/s.exec(value);
  if (!run) return [alter(value)];
  const maxLength = typeof schema?.maxLength === 'number' ? schema.maxLength : Infinity;
  const head = value.slice(0, run.index);
  const tail = value.slice(run.index + run[1]!.length);
  const widths = [Math.max(run[1]!.length, MIN_DIGITS), run[1]!.length].filter((width) => head.length + width + tail.length <= maxLength);
  return [...new Set(widths)].flatMap((width) => ['9', '8'].map((digit) => `${head}${digit.repeat(width)}${tail}`)).concat(alter(value));
}

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}
