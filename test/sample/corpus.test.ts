import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleBody } from '../../src/sample/body.js';
import { isJsonMedia } from '../../src/sample/media.js';
import { sampleValue } from '../../src/sample/value.js';
import { loadSpec } from '../../src/spec/load.js';
import type { MediaType, Schema } from '../../src/spec/model.js';
import { readCorpusIndex } from '../spec/corpus-index.js';
import { compileValidators, dialectOf } from './ajv.js';

// Request bodies no value can satisfy, by `document METHOD /path`, with the reason. Each must still be in
// the corpus and still fail, so the list cannot go stale.
const UNSATISFIABLE: Readonly<Record<string, string>> = {
  'apis-guru/ably.io/1.1.0/openapi.yaml POST /push/channelSubscriptions':
    'oneOf of two object branches that require nothing and allow any other property: every object matches both, so none matches exactly one',
};

// Runs per body schema; the seed and the options vary. Giant documents have hundreds of bodies.
const RUNS_PER_SCHEMA = 8;

const sampleOptions = fc.record({
  seed: fc.integer(),
  examples: fc.boolean(),
  optionalProperties: fc.integer({ min: 0, max: 6 }),
  maxDepth: fc.integer({ min: 0, max: 6 }),
});

interface BodyCase {
  label: string;
  media: MediaType & { schema: Schema };
  validate: ValidateFunction;
}

async function bodyCases(file: string, relative: string): Promise<BodyCase[]> {
  const spec = await loadSpec(file);
  const byMedia = new Map<Schema, { label: string; media: MediaType & { schema: Schema } }>();
  for (const operation of spec.operations) {
    for (const media of operation.requestBody?.content ?? []) {
      if (media.schema && !byMedia.has(media.schema)) byMedia.set(media.schema, { label: `${relative} ${operation.key}`, media: { ...media, schema: media.schema } });
    }
  }
  const validators = compileValidators([...byMedia.keys()], dialectOf(spec.openapi));
  return [...byMedia.values()].map((entry, index) => ({ ...entry, validate: validators[index]! }));
}

function explain(label: string, validate: ValidateFunction, value: unknown): string {
  return `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}\nsample: ${JSON.stringify(value)?.slice(0, 2000)}`;
}

describe('samples of every request body in the corpus validate against their schema (ajv)', () => {
  it.each(readCorpusIndex().map((document) => [document.path, document.file] as const))('%s', async (relative, file) => {
    const cases = await bodyCases(file, relative);
    for (const { label, media, validate } of cases) {
      if (label in UNSATISFIABLE) {
        expect(validate(sampleValue(media.schema)), `${label} is listed as unsatisfiable but its sample validates`).toBe(false);
        continue;
      }
      fc.assert(
        fc.property(sampleOptions, (options) => {
          const value = sampleValue(media.schema, options);
          if (value === undefined || !validate(value)) throw new Error(explain(label, validate, value));
        }),
        { numRuns: RUNS_PER_SCHEMA },
      );
      if (isJsonMedia(media.type)) {
        const body = sampleBody({ required: true, content: [media] });
        const value: unknown = JSON.parse(body?.body ?? 'undefined');
        expect(validate(value), explain(`${label} (the JSON body sent, ${media.type})`, validate, value)).toBe(true);
      }
    }
    const listed = Object.keys(UNSATISFIABLE).filter((label) => label.startsWith(`${relative} `));
    for (const label of listed) expect(cases.map((entry) => entry.label), `${label} is no longer in the corpus`).toContain(label);
  });
});
