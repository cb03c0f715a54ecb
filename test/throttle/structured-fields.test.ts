import { describe, expect, it } from 'vitest';
import { integerParam, itemName, parseDictionary, parseList } from '../../src/throttle/structured-fields.js';

describe('structured fields (RFC 9651)', () => {
  it('parses a draft-11 RateLimit-Policy list with several policies', () => {
    const items = parseList('"burst";q=100;w=1, "daily";q=1000;w=86400;qu="requests";pk=:cHsxMjM0NTY3ODkw:')!;
    expect(items.map(itemName)).toEqual(['burst', 'daily']);
    expect(items.map((item) => [integerParam(item, 'q'), integerParam(item, 'w')])).toEqual([
      [100, 1],
      [1000, 86400],
    ]);
    expect(items[1]!.params.get('qu')).toBe('requests');
    expect(items[1]!.params.get('pk')).toEqual({ bytes: 'cHsxMjM0NTY3ODkw' });
  });

  it('accepts a space after ";" as express-rate-limit writes it, and tokens as names', () => {
    const [item] = parseList('"5-in-1sec"; r=4; t=1')!;
    expect([itemName(item!), integerParam(item!, 'r'), integerParam(item!, 't')]).toEqual(['5-in-1sec', 4, 1]);
    expect(itemName(parseList('default;r=3')![0]!)).toBe('default');
  });

  it('parses the draft-07 dictionary and the older integer policy', () => {
    const dictionary = parseDictionary('limit=100, remaining=50, reset=5')!;
    expect([...dictionary].map(([key, item]) => [key, item.value])).toEqual([
      ['limit', 100],
      ['remaining', 50],
      ['reset', 5],
    ]);
    const [policy] = parseList('5;w=60')!;
    expect([policy!.value, integerParam(policy!, 'w')]).toEqual([5, 60]);
  });

  it('reads strings with escapes, decimals, booleans', () => {
    const [a, b, c] = parseList('"a \\"b\\"", 1.5, ?0')!;
    expect([a!.value, b!.value, c!.value]).toEqual(['a "b"', 1.5, false]);
  });

  it.each(['limit=100, remaining=50', '"open', 'a,', '1234567890123456', '"x";Q=1', '1.2345', ', a', '(a b)'])('calls %s malformed as a list', (text) => {
    expect(parseList(text)).toBeUndefined();
  });

  it('calls a list item malformed as a dictionary key', () => {
    expect(parseDictionary('"default";r=1')).toBeUndefined();
  });
});
