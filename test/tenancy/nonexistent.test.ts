import { describe, expect, it } from 'vitest';
import type { RecordedResponse } from '../../src/http/exchange.js';
import { nonexistentLike } from '../../src/checks/tenancy/nonexistent.js';
import { bodyShape } from '../../src/checks/tenancy/shape.js';

describe('nonexistentLike', () => {
  it('keeps the shape of the fixture', () => {
    expect(nonexistentLike('m-acme-1', { type: 'string' }, [])).toBe('m-acme-999999');
    expect(nonexistentLike(42, { type: 'integer' }, [])).toBe(999999);
    expect(nonexistentLike(1234567890, { type: 'integer' }, [])).toBe(9999999999);
    expect(nonexistentLike('0042', undefined, [])).toBe('999999');
    const uuid = nonexistentLike('3F2504E0-4F89-11D3-9A0C-0305E82C3301', { format: 'uuid' }, []);
    expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    const objectId = nonexistentLike('65a1f0c2b3d4e5f607182930', undefined, []) as string;
    expect(objectId).toMatch(/^[0-9a-f]{24}$/);
    expect(objectId).not.toBe('65a1f0c2b3d4e5f607182930');
    const slug = nonexistentLike('acme-churn', undefined, []) as string;
    expect(slug).toMatch(/^acme-[a-z]{5}$/);
    expect(slug).not.toBe('acme-churn');
  });

  it('respects maxLength, maximum and pattern, and avoids every tenant\'s fixtures', () => {
    expect(nonexistentLike('m-1', { maxLength: 4 }, [])).toBe('m-9');
    expect(nonexistentLike(7, { maximum: 100 }, [100])).toBe(99);
    expect(nonexistentLike('m-999999', undefined, [])).toBe('m-888888');
    expect(nonexistentLike('m-acme-1', undefined, ['m-acme-999999'])).toBe('m-acme-888888');
    expect(nonexistentLike('m-acme-1', { pattern: '^m-[a-z]+-[0-9]{1,3}$' }, [])).toBe('m-acme-9');
  });

  it('gives up on values that are no ids', () => {
    expect(nonexistentLike(true, undefined, [])).toBeUndefined();
    expect(nonexistentLike('', undefined, [])).toBeUndefined();
    expect(nonexistentLike(1.5, undefined, [])).toBeUndefined();
  });
});

describe('bodyShape', () => {
  const response = (body: string, type = 'application/json'): RecordedResponse => ({ status: 404, headers: { 'content-type': type }, body, truncated: false });

  it('ignores values: ids, request ids and messages naming the id', () => {
    expect(bodyShape(response('{"error":"m-acme-1 not found","requestId":"a1"}'))).toBe(bodyShape(response('{"requestId":"zz","error":"m-acme-999999 not found"}')));
  });

  it('tells keys, types, items, media types and empty bodies apart', () => {
    const shapes = [
      response('{"error":"x"}'),
      response('{"detail":"x"}'),
      response('{"error":1}'),
      response('[]'),
      response('[{"id":"m"}]'),
      response('{"error":"x"}', 'application/problem+json'),
      response(''),
      response('<h1>not found</h1>', 'text/html'),
    ].map(bodyShape);
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});
