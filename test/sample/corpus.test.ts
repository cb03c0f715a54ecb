import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleBody } from '../../src/sample/body.js';
import { sampleRequest } from '../../src/sample/request.js';
import { isJsonMedia } from '../../src/sample/media.js';
import { sampleValue } from '../../src/sample/value.js';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiSpec, MediaType, Schema } from '../../src/spec/model.js';
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

const corpus = readCorpusIndex().map((document) => [document.path, document.file] as const);
const loaded = new Map<string, Promise<ApiSpec>>();

// Each document is loaded once for this file, by whichever test asks first.
function corpusSpec(file: string): Promise<ApiSpec> {
  if (!loaded.has(file)) loaded.set(file, loadSpec(file));
  return loaded.get(file)!;
}

async function bodyCases(file: string, relative: string): Promise<BodyCase[]> {
  const spec = await corpusSpec(file);
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
  it.each(corpus)('%s', async (relative, file) => {
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

describe('every corpus operation gets a request', () => {
  it.each(corpus)('%s', async (_relative, file) => {
    for (const operation of (await corpusSpec(file)).operations) {
      const result = sampleRequest(operation, { seed: 1 });
      if ('missing' in result) throw new Error(`${operation.key}: missing ${result.missing.join(', ')}`);
      const { request, generatedPathParams } = result;
      expect(request.method).toBe(operation.method.toUpperCase());
      expect(request.path.startsWith(operation.serverPath.replace(/\/+$/, '') + '/'), `${operation.key} → ${request.path}`).toBe(true);
      expect(request.path, operation.key).not.toMatch(/[{}\s]/);
      const pathParams = operation.parameters.filter((param) => param.in === 'path').map((param) => param.name);
      expect(pathParams, operation.key).toEqual(expect.arrayContaining(generatedPathParams));
      if (isJsonMedia(request.headers['content-type'] ?? '')) expect(() => JSON.parse(request.body as string), operation.key).not.toThrow();
    }
  });
});
