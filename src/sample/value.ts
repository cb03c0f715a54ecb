import type { Schema } from '../spec/model.js';
import { generateArray } from './array.js';
import { mayConform } from './conforms.js';
import { isMinimal, NONE, type Generation, type Position } from './context.js';
import { documentedValue } from './literal.js';
import { mergeSchemas } from './merge.js';
import { sampleNumber } from './number.js';
import { generateObject } from './object.js';
import { createRandom } from './random.js';
import { declaredTypes, isObject, typesToTry, type JsonType } from './schema.js';
import { sampleString } from './string.js';

export interface SampleOptions {
  /** `request` (default) leaves out `readOnly` properties, `response` leaves out `writeOnly` ones. */
  direction?: 'request' | 'response';
  /** Seed of the deterministic random source (default 0): equal seeds give equal samples. */
  seed?: number;
  /** Use the `example`, `examples` and `default` values the schema documents (default true). */
  examples?: boolean;
  /** How many optional properties an object gets besides its required ones (default 2). */
  optionalProperties?: number;
  /** Nesting depth from which only required content is generated (default 4). */
  maxDepth?: number;
}

// Values produced per sample before the rest of it gets only what is required.
const BUDGET = 400;
// Composition steps (allOf, oneOf, anyOf, not) followed at one nesting depth before giving up.
const MAX_HOPS = 24;
// Depth past `maxDepth` at which required recursion gives up.
const DEPTH_MARGIN = 8;
const NOT_ATTEMPTS = 4;

/**
 * A JSON value that validates against the schema, or undefined when none could be produced within bounds
 * (unsatisfiable, or required recursion with no way out). The schema's own documented values come first:
 * `example` > `examples[0]` > `default` > `const` > first `enum` entry, each used only when it may conform;
 * otherwise the value is generated: format-aware strings, numbers within bounds, objects with their required
 * properties, the first producible `oneOf`/`anyOf` branch (for `oneOf`, one that does not also match a
 * sibling where that can be told), `allOf` merged. Deterministic for a given seed; safe on circular schemas.
 */
export function sampleValue(schema: Schema, options: SampleOptions = {}): unknown {
  const generation: Generation = {
    direction: options.direction ?? 'request',
    rng: createRandom(options.seed ?? 0),
    examples: options.examples ?? true,
    optionalProperties: options.optionalProperties ?? 2,
    maxDepth: options.maxDepth ?? 4,
    budget: BUDGET,
    generate: (sub, at) => generate(sub, generation, at),
  };
  const value = generate(schema, generation, { depth: 0, hops: 0, variant: 0 });
  return value === NONE ? undefined : value;
}

function generate(schema: unknown, generation: Generation, at: Position): unknown {
  if (schema === false) return NONE;
  if (!isObject(schema)) return sampleString({}, generation.rng, at.variant);
  const nullable = declaredTypes(schema)?.includes('null') === true;
  if (at.hops > MAX_HOPS || at.depth > generation.maxDepth + DEPTH_MARGIN) return nullable ? null : NONE;
  generation.budget--;
  const documented = documentedValue(schema, { examples: generation.examples, variant: at.variant });
  if (documented) return documented.value;
  if (Array.isArray(schema.enum) || 'const' in schema) return NONE;
  const next = { ...at, hops: at.hops + 1 };
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return generateBranch(schema, generation, next);
  if (Array.isArray(schema.allOf)) return generate(mergeSchemas([schema]), generation, next);
  if ('not' in schema) return generateNot(schema, generation, next);
  if (nullable && isMinimal(generation, at) && at.depth > 0) return null;
  for (const type of typesToTry(schema)) {
    const value = generateType(type, schema, generation, at);
    if (value !== NONE) return value;
  }
  return NONE;
}

function generateType(type: JsonType, schema: Schema, generation: Generation, at: Position): unknown {
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return (generation.rng.int(0, 1) + at.variant) % 2 === 0;
    case 'integer':
    case 'number':
      return sampleNumber(schema, type === 'integer', generation.rng, at.variant % 2 === 1) ?? NONE;
    case 'string':
      return sampleString(schema, generation.rng, at.variant) ?? NONE;
    case 'object':
      return generateObject(schema, generation, at);
    case 'array':
      return generateArray(schema, generation, at);
  }
}

// The first branch that can be produced; for `oneOf`, preferably a value that matches no sibling branch
// (retried with only required content, then as another variant).
function generateBranch(schema: Schema, generation: Generation, at: Position): unknown {
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : 'anyOf';
  const { [key]: branches, ...base } = schema;
  let fallback: unknown = NONE;
  const attempts: Position[] = [at, { ...at, lean: true }, { ...at, variant: at.variant + 1 }];
  for (const [index, branch] of (branches as unknown[]).entries()) {
    for (const attempt of attempts) {
      const value = generateInBranch(base, branch, generation, attempt);
      if (value === NONE) break;
      const exclusive = key === 'anyOf' || (branches as unknown[]).every((other, j) => j === index || !mayConform(value, other));
      if (exclusive) return value;
      if (fallback === NONE) fallback = value;
    }
  }
  return fallback;
}

function generateInBranch(base: Schema, branch: unknown, generation: Generation, at: Position): unknown {
  if (isObject(branch)) {
    const own = documentedValue(branch, { examples: generation.examples, variant: at.variant });
    if (own && mayConform(own.value, base)) return own.value;
  }
  return generate(mergeSchemas([base, tagged(branch, base.discriminator)]), generation, at);
}

// The branch, constrained to its discriminator value when the mapping names it (by its `title`).
function tagged(branch: unknown, discriminator: unknown): unknown {
  if (!isObject(branch) || !isObject(discriminator) || typeof discriminator.propertyName !== 'string') return branch;
  const title = branch.title;
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const tag = Object.keys(mapping).find((value) => {
    const target = mapping[value];
    return typeof title === 'string' && typeof target === 'string' && (target === title || target.endsWith(`/${title}`));
  });
  if (tag === undefined) return branch;
  const name = discriminator.propertyName;
  return { allOf: [branch, { required: [name], properties: { [name]: { enum: [tag] } } }] };
}

function generateNot(schema: Schema, generation: Generation, at: Position): unknown {
  const { not, ...base } = schema;
  if (not === true || (isObject(not) && Object.keys(not).length === 0)) return NONE;
  let value: unknown = NONE;
  for (let attempt = 0; attempt < NOT_ATTEMPTS; attempt++) {
    value = generate(base, generation, { ...at, variant: at.variant + (attempt >> 1), lean: at.lean === true || attempt % 2 === 1 });
    if (value === NONE || !mayConform(value, not)) return value;
  }
  return value;
}
