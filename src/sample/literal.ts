import type { Schema } from '../spec/model.js';
import { mayConform } from './conforms.js';

/**
 * The first value the schema documents that may conform to it: `example`, `examples[0]`, `default`, `const`,
 * then an `enum` entry (non-null entries first). `examples: false` skips the first three; `variant` n > 0
 * skips them too and takes the n-th enum entry, for samples that must differ (unique array items).
 */
export function documentedValue(schema: Schema, options: { examples: boolean; variant: number }): { value: unknown } | undefined {
  const candidates: unknown[] = [];
  if (options.examples && options.variant === 0) {
    if ('example' in schema) candidates.push(schema.example);
    if (Array.isArray(schema.examples) && schema.examples.length > 0) candidates.push(schema.examples[0]);
    if ('default' in schema) candidates.push(schema.default);
  }
  if ('const' in schema) candidates.push(schema.const);
  if (Array.isArray(schema.enum)) {
    const entries = [...schema.enum.filter((entry) => entry !== null), ...schema.enum.filter((entry) => entry === null)];
    candidates.push(...rotate(entries, options.variant));
  }
  const index = candidates.findIndex((candidate) => mayConform(candidate, schema));
  return index === -1 ? undefined : { value: candidates[index] };
}

function rotate<T>(entries: T[], by: number): T[] {
  const start = entries.length === 0 ? 0 : by % entries.length;
  return [...entries.slice(start), ...entries.slice(0, start)];
}
