import type { Parameter } from '../spec/model.js';
import { mayConform } from './conforms.js';
import { documentedValue } from './literal.js';
import { sampleValue, type SampleOptions } from './value.js';

/** Where a parameter value came from: the config's fixtures, the spec's documented values, or generation. */
export type ValueSource = 'fixture' | 'documented' | 'generated';

export interface SampledParameter {
  value: unknown;
  source: ValueSource;
}

/**
 * A value for a parameter: `fixtures[name]` > the parameter's `example` > its `examples[0]` > the schema's
 * `example` > `examples[0]` > `default` > `const` > first `enum` entry > a value generated from the schema
 * (a string when it has none). Documented values are used only when they may conform to the schema.
 * `fixtures` is the lookup already narrowed to one tenant. Undefined when no value can be produced.
 */
export function sampleParameter(
  param: Parameter,
  fixtures: Readonly<Record<string, unknown>>,
  options: Pick<SampleOptions, 'seed'> = {},
): SampledParameter | undefined {
  if (Object.hasOwn(fixtures, param.name)) return { value: fixtures[param.name], source: 'fixture' };
  const schema = param.schema ?? { type: 'string' };
  const examples = [...('example' in param ? [param.example] : []), ...(param.examples ?? []).slice(0, 1)];
  const example = examples.find((candidate) => mayConform(candidate, schema));
  if (example !== undefined) return { value: example, source: 'documented' };
  const documented = documentedValue(schema, { examples: true, variant: 0 });
  if (documented) return { value: documented.value, source: 'documented' };
  const value = sampleValue(schema, { ...options, direction: 'request' });
  return value === undefined ? undefined : { value, source: 'generated' };
}
