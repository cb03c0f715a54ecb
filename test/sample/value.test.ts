import { describe, expect, it } from 'vitest';
import { sampleValue, type SampleOptions } from '../../src/sample/value.js';
import type { Schema } from '../../src/spec/model.js';
import { compileValidators } from './ajv.js';
import type { Dialect } from './validatable.js';

function valid(schema: Schema, value: unknown, dialect: Dialect = '2020-12'): boolean {
  const validate = compileValidators([schema], dialect)[0]!;
  const ok = validate(value);
  if (!ok) console.error(JSON.stringify(value), validate.errors);
  return ok;
}

// Samples with several seeds and checks each against the schema.
function expectValidSamples(schema: Schema, options: SampleOptions = {}, dialect: Dialect = '2020-12'): unknown[] {
  const samples = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => sampleValue(schema, { ...options, seed }));
  for (const sample of samples) {
    expect(sample).not.toBeUndefined();
    expect(valid(schema, sample, dialect)).toBe(true);
  }
  return samples;
}

describe('documented values come first', () => {
  const full: Schema = { type: 'string', example: 'ex', examples: ['exs'], default: 'def', const: 'ex', enum: ['ex', 'en'] };

  it('in the order example > examples[0] > default > const > enum > generated', () => {
    expect(sampleValue({ type: 'string', example: 'a', examples: ['b'], default: 'c', enum: ['a', 'b', 'c', 'e'] })).toBe('a');
    expect(sampleValue({ type: 'string', examples: ['b'], default: 'c', enum: ['b', 'c', 'e'] })).toBe('b');
    expect(sampleValue({ type: 'string', default: 'c', const: 'c', enum: ['c', 'e'] })).toBe('c');
    expect(sampleValue({ type: 'string', const: 'd', enum: ['e', 'd'] })).toBe('d');
    expect(sampleValue({ type: 'string', enum: ['e', 'f'] })).toBe('e');
    expect(sampleValue(full)).toBe('ex');
  });

  it('skips a documented value that breaks the schema', () => {
    expect(sampleValue({ type: 'integer', minimum: 1, example: 'one', default: 0 })).toBeTypeOf('number');
    expect(sampleValue({ type: 'integer', minimum: 1, example: 'one', default: 0 })).toBeGreaterThanOrEqual(1);
    expect(sampleValue({ type: 'string', format: 'date-time', example: '2020-01-01', default: '2020-01-01T00:00:00Z' })).toBe('2020-01-01T00:00:00Z');
    expect(sampleValue({ type: 'object', required: ['id'], example: { name: 'x' } })).toHaveProperty('id');
  });

  it('prefers a non-null enum entry', () => {
    expect(sampleValue({ type: ['string', 'null'], enum: [null, 'on'] })).toBe('on');
  });

  it('with examples: false, uses only const and enum', () => {
    expect(sampleValue({ type: 'string', example: 'a', default: 'c', enum: ['c', 'e'] }, { examples: false })).toBe('c');
    expect(sampleValue({ type: 'string', example: 'a' }, { examples: false })).not.toBe('a');
  });

  it('uses a schema example on a property', () => {
    expect(sampleValue({ type: 'object', required: ['id'], properties: { id: { type: 'string', example: 'm-1' } } })).toEqual({ id: 'm-1' });
  });
});

describe('generated strings', () => {
  it.each(['uuid', 'date-time', 'date', 'time', 'email', 'uri', 'url', 'uri-reference', 'hostname', 'ipv4', 'ipv6', 'byte', 'duration', 'json-pointer', 'regex'])(
    'are valid %s values',
    (format) => {
      const samples = expectValidSamples({ type: 'string', format });
      expect(new Set(samples).size).toBeGreaterThan(1);
    },
  );

  it('respect minLength and maxLength', () => {
    for (const sample of expectValidSamples({ type: 'string', minLength: 12, maxLength: 14 })) expect((sample as string).length).toBeGreaterThanOrEqual(12);
    expect(sampleValue({ type: 'string', maxLength: 0 })).toBe('');
    expect(sampleValue({ type: 'string', minLength: 3, maxLength: 2 })).toBeUndefined();
  });

  it('match patterns, with the length bounds', () => {
    expectValidSamples({ type: 'string', pattern: '^[A-Z]{3}-\\d{2}$' });
    expectValidSamples({ type: 'string', pattern: '^[0-9a-fA-F]+$', minLength: 40, maxLength: 40 });
    expectValidSamples({ type: 'string', pattern: '^[a-z]+', minLength: 20 });
    expectValidSamples({ type: 'string', pattern: '(cat|dog)s?', maxLength: 30 });
    expectValidSamples({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });

  it('keep to a known format within the other constraints, or give up', () => {
    expectValidSamples({ type: 'string', format: 'email', maxLength: 20 });
    expect(sampleValue({ type: 'string', format: 'uuid', maxLength: 10 })).toBeUndefined();
    expect(sampleValue({ type: 'string', format: 'snowflake', minLength: 3 })).toMatch(/^.{3,}$/);
  });
});

describe('generated numbers', () => {
  it('stay within inclusive and exclusive bounds, numeric and 3.0 boolean', () => {
    for (const sample of expectValidSamples({ type: 'integer', minimum: 10, exclusiveMaximum: 12 })) expect([10, 11]).toContain(sample);
    expect(sampleValue({ type: 'integer', minimum: 5, maximum: 5 })).toBe(5);
    expectValidSamples({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 });
    expectValidSamples({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: true }, {}, 'draft-07');
    expectValidSamples({ type: 'integer', maximum: -1000 });
    expect(sampleValue({ type: 'integer', minimum: 3, maximum: 2 })).toBeUndefined();
  });

  it('are multiples of multipleOf, as ajv checks them', () => {
    expectValidSamples({ type: 'number', multipleOf: 0.01, minimum: 0.05, maximum: 1 });
    expectValidSamples({ type: 'integer', multipleOf: 7, minimum: 50 });
    expectValidSamples({ type: 'number', multipleOf: 1e-7 });
    expect(sampleValue({ type: 'integer', multipleOf: 10, minimum: 11, maximum: 19 })).toBeUndefined();
  });

  it('honour int32, int64, float and double formats', () => {
    expectValidSamples({ type: 'integer', format: 'int32', minimum: -(2 ** 40) });
    expectValidSamples({ type: 'integer', format: 'int64' });
    expectValidSamples({ type: 'number', format: 'float', minimum: 0.5, maximum: 0.75 });
    expect(Number.isInteger(sampleValue({ type: 'number', format: 'int32' }))).toBe(true);
  });
});

describe('generated arrays', () => {
  it('respect minItems, maxItems and uniqueItems', () => {
    for (const sample of expectValidSamples({ type: 'array', minItems: 3, maxItems: 3, uniqueItems: true, items: { enum: ['a', 'b', 'c'] } })) {
      expect(new Set(sample as string[]).size).toBe(3);
    }
    expectValidSamples({ type: 'array', minItems: 2, uniqueItems: true, items: { type: 'boolean' } });
    expect(sampleValue({ type: 'array', minItems: 3, uniqueItems: true, items: { type: 'boolean' } })).toBeUndefined();
    expect(sampleValue({ type: 'array', maxItems: 0, items: { type: 'string' } })).toEqual([]);
  });

  it('follow tuples and contains', () => {
    const [sample] = expectValidSamples({ type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string', format: 'email' }], items: false });
    expect(sample).toHaveLength(2);
    expectValidSamples({ type: 'array', items: [{ type: 'integer' }, { type: 'boolean' }], additionalItems: false }, {}, 'draft-07');
    expectValidSamples({ type: 'array', items: { type: 'integer' }, contains: { const: 42 } });
  });
});

describe('generated objects', () => {
  const schema: Schema = {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string', minLength: 1 },
      a: { type: 'integer' },
      b: { type: 'boolean' },
      c: { type: 'string' },
      d: { type: 'number' },
    },
    additionalProperties: false,
  };

  it('hold every required property and at most optionalProperties optional ones', () => {
    for (const sample of expectValidSamples(schema, { optionalProperties: 2 })) expect(Object.keys(sample as object)).toHaveLength(4);
    expect(Object.keys(sampleValue(schema, { optionalProperties: 0 }) as object)).toEqual(['id', 'name']);
    expect(Object.keys(sampleValue(schema, { optionalProperties: 10 }) as object)).toHaveLength(6);
  });

  it('fill maps, minProperties and maxProperties', () => {
    const [map] = expectValidSamples({ type: 'object', additionalProperties: { type: 'integer' } });
    expect(Object.keys(map as object)).toHaveLength(1);
    for (const sample of expectValidSamples({ type: 'object', minProperties: 3, patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false })) {
      expect(Object.keys(sample as object)).toHaveLength(3);
    }
    expectValidSamples({ ...schema, required: ['id'], maxProperties: 2 }, { optionalProperties: 5 });
    expectValidSamples({ type: 'object', minProperties: 2, propertyNames: { pattern: '^[a-z]{3}$' } });
  });

  it('fail when a required property is not allowed', () => {
    expect(sampleValue({ type: 'object', required: ['x'], properties: {}, additionalProperties: false })).toBeUndefined();
  });

  it('leave out readOnly properties in requests and writeOnly ones in responses, even when required', () => {
    const account: Schema = {
      type: 'object',
      required: ['id', 'password', 'name'],
      properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } },
    };
    expect(Object.keys(sampleValue(account, { optionalProperties: 5 }) as object).sort()).toEqual(['name', 'password']);
    expect(Object.keys(sampleValue(account, { optionalProperties: 5, direction: 'response' }) as object).sort()).toEqual(['id', 'name']);
  });
});

describe('composition', () => {
  it('merges allOf', () => {
    const [sample] = expectValidSamples({
      allOf: [
        { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        { type: 'object', required: ['id', 'tag'], properties: { id: { maximum: 3 }, tag: { type: 'string', maxLength: 3 } } },
      ],
    });
    expect(sample).toMatchObject({ id: expect.any(Number), tag: expect.any(String) });
    expectValidSamples({ allOf: [{ type: 'number' }, { type: 'integer' }, { minimum: 2, maximum: 2 }] });
    expect(sampleValue({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toBeUndefined();
    expect(sampleValue({ allOf: [{ const: 1 }, { const: 2 }] })).toBeUndefined();
  });

  it('respects additionalProperties: false of an allOf member', () => {
    const schema: Schema = {
      allOf: [{ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, { properties: { b: { type: 'string' } } }],
    };
    for (const sample of expectValidSamples(schema, { optionalProperties: 5 })) expect(Object.keys(sample as object)).toEqual(['a']);
  });

  it('takes the first producible anyOf/oneOf branch', () => {
    expect(sampleValue({ anyOf: [{ type: 'string', enum: [] }, { type: 'integer', const: 7 }] })).toBe(7);
    expect(sampleValue({ oneOf: [{ not: {} }, { type: 'boolean', const: false }] })).toBe(false);
  });

  it('keeps a oneOf value out of the sibling branches where it can tell', () => {
    const schema: Schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    };
    for (const sample of expectValidSamples(schema, { optionalProperties: 5 })) expect(Object.keys(sample as object)).toHaveLength(1);
    expectValidSamples({ oneOf: [{ type: 'number' }, { type: 'integer' }] });
  });

  it('honours a discriminator mapping that names the branch by title', () => {
    const cat: Schema = { title: 'Cat', type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } };
    const dog: Schema = { title: 'Dog', type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, bark: { type: 'boolean' } } };
    const pet: Schema = { oneOf: [cat, dog], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } };
    expect(sampleValue(pet)).toMatchObject({ kind: 'cat' });
  });

  it('avoids what not excludes', () => {
    const schema: Schema = {
      type: 'object',
      properties: { url: { type: 'string', format: 'uri' }, id: { type: 'string' } },
      anyOf: [{ required: ['url'] }, { required: ['id'] }],
      not: { required: ['url', 'id'] },
      additionalProperties: false,
    };
    expectValidSamples(schema, { optionalProperties: 5 });
    expectValidSamples({ type: 'string', not: { enum: ['alpha', 'bravo', 'charlie', 'delta'] } });
    expect(sampleValue({ type: 'string', not: {} })).toBeUndefined();
  });
});

describe('null', () => {
  it('is avoided for 3.0 nullable and 3.1 type lists', () => {
    expect(sampleValue({ type: 'string', nullable: true, format: 'email' })).toMatch(/@/);
    expect(sampleValue({ type: ['null', 'integer'], minimum: 1 })).toBeGreaterThanOrEqual(1);
    expect(sampleValue({ type: 'null' })).toBeNull();
  });
});

describe('circular schemas', () => {
  it('stop at the depth bound and stay valid', () => {
    const node: Schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (node.properties as Schema).children = { type: 'array', items: node };
    (node.properties as Schema).parent = node;
    for (const sample of expectValidSamples(node, { optionalProperties: 3, maxDepth: 3 })) expect(depth(sample)).toBeLessThanOrEqual(8);
  });

  it('end a required nullable chain with null', () => {
    const link: Schema = { type: 'object', nullable: true, required: ['next'], properties: {} };
    (link.properties as Schema).next = link;
    const sample = sampleValue(link, { maxDepth: 2 });
    expect(valid(link, sample, 'draft-07')).toBe(true);
    expect(JSON.stringify(sample)).toContain('null');
  });

  it('give up on a required chain with no way out', () => {
    const loop: Schema = { type: 'object', required: ['next'], properties: {} };
    (loop.properties as Schema).next = loop;
    expect(sampleValue(loop)).toBeUndefined();
    const composed: Schema = {};
    composed.allOf = [composed, { anyOf: [composed] }];
    expect(() => sampleValue(composed)).not.toThrow();
  });
});

describe('determinism', () => {
  const schema: Schema = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, n: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } };

  it('gives equal samples for equal seeds, different ones for other seeds', () => {
    expect(sampleValue(schema, { seed: 7 })).toEqual(sampleValue(schema, { seed: 7 }));
    const samples = [1, 2, 3, 4].map((seed) => JSON.stringify(sampleValue(schema, { seed })));
    expect(new Set(samples).size).toBeGreaterThan(1);
  });
});

function depth(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depth));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depth));
  return 0;
}
