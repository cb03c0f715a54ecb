import { describe, expect, it } from 'vitest';
import { sampleParameter } from '../../src/sample/parameter.js';
import { cookiePairs, headerValue, pathSegment, queryPairs } from '../../src/sample/serialize.js';
import type { Parameter } from '../../src/spec/model.js';

const param = (fields: Partial<Parameter> = {}): Parameter => ({ name: 'id', in: 'path', required: true, ...fields });

describe('sampleParameter', () => {
  const documented = param({
    example: 'p-example',
    examples: ['p-examples'],
    schema: { type: 'string', example: 's-example', examples: ['s-examples'], default: 's-default', enum: ['s-enum', 'p-example', 'p-examples', 's-example', 's-examples', 's-default'] },
  });

  it('takes a fixture first, whatever its type', () => {
    expect(sampleParameter(documented, { id: 42 })).toEqual({ value: 42, source: 'fixture' });
    expect(sampleParameter(documented, { id: null })).toEqual({ value: null, source: 'fixture' });
  });

  it('then the parameter example, its examples, the schema example, examples, default, enum', () => {
    expect(sampleParameter(documented, {})).toEqual({ value: 'p-example', source: 'documented' });
    const { example: _example, ...withoutExample } = documented;
    expect(sampleParameter(withoutExample, {})?.value).toBe('p-examples');
    const schemaOnly = param({ schema: documented.schema! });
    expect(sampleParameter(schemaOnly, {})?.value).toBe('s-example');
    expect(sampleParameter(param({ schema: { type: 'string', examples: ['s-examples'], default: 's-default' } }), {})?.value).toBe('s-examples');
    expect(sampleParameter(param({ schema: { type: 'string', default: 's-default', enum: ['s-enum', 's-default'] } }), {})?.value).toBe('s-default');
    expect(sampleParameter(param({ schema: { type: 'string', enum: ['s-enum'] } }), {})).toEqual({ value: 's-enum', source: 'documented' });
  });

  it('skips an example that breaks the schema', () => {
    expect(sampleParameter(param({ example: 'abc', schema: { type: 'integer', default: 5 } }), {})).toEqual({ value: 5, source: 'documented' });
  });

  it('generates the rest, a string when there is no schema', () => {
    const uuid = sampleParameter(param({ schema: { type: 'string', format: 'uuid' } }), {});
    expect(uuid?.source).toBe('generated');
    expect(uuid?.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sampleParameter(param(), {})).toEqual({ value: expect.any(String), source: 'generated' });
  });

  it('is undefined when nothing fits', () => {
    expect(sampleParameter(param({ schema: { type: 'integer', minimum: 2, maximum: 1 } }), {})).toBeUndefined();
  });
});

describe('serialisation (OpenAPI 3 style examples: id = 5, [3, 4, 5], { role: "admin", firstName: "Alex" })', () => {
  const list = [3, 4, 5];
  const object = { role: 'admin', firstName: 'Alex' };

  it.each([
    [undefined, false, '5', '3,4,5', 'role,admin,firstName,Alex'],
    ['simple', true, '5', '3,4,5', 'role=admin,firstName=Alex'],
    ['label', false, '.5', '.3,4,5', '.role,admin,firstName,Alex'],
    ['label', true, '.5', '.3.4.5', '.role=admin.firstName=Alex'],
    ['matrix', false, ';id=5', ';id=3,4,5', ';id=role,admin,firstName,Alex'],
    ['matrix', true, ';id=5', ';id=3;id=4;id=5', ';role=admin;firstName=Alex'],
  ] as const)('path style %s, explode %s', (style, explode, primitive, array, obj) => {
    const p = param({ ...(style && { style }), explode });
    expect([pathSegment(p, 5), pathSegment(p, list), pathSegment(p, object)]).toEqual([primitive, array, obj]);
  });

  it('percent-encodes path values', () => {
    expect(pathSegment(param(), 'a b/c?d')).toBe('a%20b%2Fc%3Fd');
    expect(pathSegment(param(), ['x,y', 'z'])).toBe('x%2Cy,z');
  });

  it.each([
    [undefined, undefined, 'id=5', 'id=3&id=4&id=5', 'role=admin&firstName=Alex'],
    ['form', false, 'id=5', 'id=3,4,5', 'id=role,admin,firstName,Alex'],
    ['spaceDelimited', false, 'id=5', 'id=3%204%205', 'id=role%20admin%20firstName%20Alex'],
    ['pipeDelimited', false, 'id=5', 'id=3%7C4%7C5', 'id=role%7Cadmin%7CfirstName%7CAlex'],
  ] as const)('query style %s, explode %s', (style, explode, primitive, array, obj) => {
    const p = param({ in: 'query', ...(style && { style }), ...(explode !== undefined && { explode }) });
    expect([queryPairs(p, 5), queryPairs(p, list), queryPairs(p, object)].map((pairs) => pairs.join('&'))).toEqual([primitive, array, obj]);
  });

  it('query deepObject, nested, encoded', () => {
    const p = param({ in: 'query', name: 'filter', style: 'deepObject', explode: true });
    expect(queryPairs(p, { role: 'admin', name: { first: 'Al ex' } })).toEqual(['filter%5Brole%5D=admin', 'filter%5Bname%5D%5Bfirst%5D=Al%20ex']);
  });

  it('query values and names are percent-encoded', () => {
    expect(queryPairs(param({ in: 'query', name: 'q&x' }), 'a=b&c')).toEqual(['q%26x=a%3Db%26c']);
  });

  it('headers are simple', () => {
    const p = param({ in: 'header', name: 'X-Ids' });
    expect([headerValue(p, 5), headerValue(p, list), headerValue(p, object), headerValue({ ...p, explode: true }, object)]).toEqual([
      '5',
      '3,4,5',
      'role,admin,firstName,Alex',
      'role=admin,firstName=Alex',
    ]);
    expect(headerValue(p, 'café\n')).toBe('caf%C3%A9%0A');
  });

  it('cookies are form, exploded by default', () => {
    const p = param({ in: 'cookie', name: 'id' });
    expect([cookiePairs(p, 5), cookiePairs(p, list), cookiePairs({ ...p, explode: false }, list), cookiePairs(p, 'a;b')]).toEqual([
      ['id=5'],
      ['id=3', 'id=4', 'id=5'],
      ['id=3,4,5'],
      ['id=a%3Bb'],
    ]);
  });
});
