import type { Schema } from '../spec/model.js';
import { compile } from './conforms.js';
import { formatString, knowsFormat } from './format.js';
import { patternString } from './pattern.js';
import type { Random } from './random.js';
import { numberAt } from './schema.js';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

const FORMAT_ATTEMPTS = 3;

/**
 * A string for a string schema within `minLength`/`maxLength`: a value of its `format` when specgate knows
 * the format (undefined when none fits the length and `pattern`), else one matching its `pattern`, else a
 * plain word. Undefined when no such string was found.
 */
export function sampleString(schema: Schema, rng: Random, variant: number): string | undefined {
  const min = numberAt(schema, 'minLength') ?? 0;
  const max = numberAt(schema, 'maxLength') ?? Infinity;
  if (min > max) return undefined;
  const pattern = typeof schema.pattern === 'string' && compile(schema.pattern) ? schema.pattern : undefined;
  const fits = (value: string): boolean => {
    const length = [...value].length;
    return length >= min && length <= max && (pattern === undefined || compile(pattern)?.test(value) === true);
  };
  if (typeof schema.format === 'string' && knowsFormat(schema.format)) {
    for (let attempt = 0; attempt < FORMAT_ATTEMPTS; attempt++) {
      const formatted = formatString(schema.format, rng);
      if (formatted !== undefined && fits(formatted)) return formatted;
    }
    return undefined;
  }
  if (pattern !== undefined) return patternString(pattern, min, max, rng);
  return plainString(min, max, rng, variant);
}

function plainString(min: number, max: number, rng: Random, variant: number): string {
  const word = `${WORDS[rng.int(0, WORDS.length - 1)]!}${variant > 0 ? `-${variant}` : ''}`;
  return word.repeat(Math.ceil(Math.max(min, 1) / word.length)).slice(0, Math.min(max, Math.max(min, word.length)));
}
