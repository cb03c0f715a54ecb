import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import { UsageError } from '../../src/errors.js';
import { loadSpec } from '../../src/spec/load.js';
import { throttlesDeclared, throttleTargets } from '../../src/throttle/targets.js';
import { ACCOUNTS_SPEC, QUOTES_SPEC } from './support.js';

const CATALOG_SPEC = fileURLToPath(new URL('../fixtures/paths/catalog.openapi.json', import.meta.url));

const config = (input: ConfigInput = {}) => parseConfig(input, 'test config');

describe('where throttles come from', () => {
  it('merges a scope shared by several operations into one target, with the limit from its declaring operation', async () => {
    const { targets, problems } = throttleTargets(await loadSpec(QUOTES_SPEC), config());
    expect(problems).toEqual([]);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({
      id: 'quotes',
      label: 'scope "quotes" (GET /quotes, GET /quotes/{quote_id})',
      limit: 5,
      windowSeconds: 1,
      key: 'identity',
      source: 'x-rate-limit of GET /quotes',
    });
    expect(targets[0]!.operations.map((op) => op.key)).toEqual(['GET /quotes', 'GET /quotes/{quote_id}']);
  });

  it('takes limits from the config where the spec has none, keeps the spec first, and marks documented 429s', async () => {
    const spec = await loadSpec(ACCOUNTS_SPEC);
    const { targets } = throttleTargets(
      spec,
      config({
        throttles: [
          { operation: 'post /auth/token', rate: '3/2s', identity: 'alice' },
          { operation: 'GET /search', limit: 10, window: 5, key: 'ip', tolerance: 2 },
        ],
      }),
    );
    const byId = Object.fromEntries(targets.map((t) => [t.id, t]));
    expect(byId['POST /auth/token']).toMatchObject({ limit: 3, windowSeconds: 2, key: 'ip', identity: 'alice', source: 'throttles[0] in the config', configKey: 'throttles[0]' });
    expect(byId['GET /search']).toMatchObject({ limit: 50, windowSeconds: 2, key: 'identity', tolerance: 0, source: 'x-rate-limits[1] of GET /search' });
    expect(byId['GET /search']!.notProbed).toEqual(['1000 per 1 h (x-rate-limits[0] of GET /search)']);
    expect(byId['GET /exports']).toMatchObject({ key: 'ip' });
    expect(byId['GET /exports']!.limit).toBeUndefined();
  });

  it('groups config operations (globs allowed) and names what matches nothing', async () => {
    const spec = await loadSpec(ACCOUNTS_SPEC);
    const { targets, problems } = throttleTargets(spec, config({ throttles: [{ operations: ['GET /re*', 'GET /exports'], rate: '100/min', scope: 'reads' }, { operation: 'GET /nope', rate: '1/s' }] }));
    expect(targets.find((t) => t.id === 'reads')).toMatchObject({ label: 'scope "reads" (GET /exports, GET /reports)', limit: 100, windowSeconds: 60 });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('throttles[1] names "GET /nope", which matches no operation')]);
  });

  it('reports an unreadable x-rate-limit on its operation', async () => {
    const spec = await loadSpec(QUOTES_SPEC);
    const quotes = spec.operations.find((op) => op.key === 'GET /quotes')!;
    const broken = { ...spec, operations: spec.operations.map((op) => (op === quotes ? { ...op, extensions: { 'x-ratelimit': { limit: 'many', window: '1s' } } } : op)) };
    const { problems } = throttleTargets(broken, config());
    expect(problems).toEqual([{ operation: expect.objectContaining({ key: 'GET /quotes' }), message: 'x-ratelimit of GET /quotes: limit "many" is not a positive integer' }]);
  });

  it('runs the throttle suite unasked only when throttles are declared or configured', async () => {
    expect(throttlesDeclared(await loadSpec(QUOTES_SPEC), config())).toBe(true);
    expect(throttlesDeclared(await loadSpec(CATALOG_SPEC), config())).toBe(false);
    expect(throttlesDeclared(await loadSpec(CATALOG_SPEC), config({ throttles: [{ operation: 'GET /items', rate: '5/min' }] }))).toBe(true);
    expect(throttlesDeclared(await loadSpec(ACCOUNTS_SPEC), config())).toBe(true);
  });
});

describe('the throttles config', () => {
  it.each<[unknown, string]>([
    [{ rate: '5/min' }, 'name the operation, operations or scope'],
    [{ operation: 'GET /x', rate: '5 a minute' }, 'expected a rate like "5/min"'],
    [{ operation: 'GET /x', rate: '5/min', limit: 5 }, 'give either rate or limit and window'],
    [{ operation: 'GET /x', limit: 5, window: 'soon' }, 'expected a duration like "60s"'],
    [{ operation: '/x', rate: '5/min' }, 'expected "METHOD /path"'],
    [{ operation: 'GET /x', rate: '5/min', key: 'user' }, 'throttles.0.key'],
  ])('refuses %j', (throttle, message) => {
    expect(() => config({ throttles: [throttle as never] })).toThrow(UsageError);
    expect(() => config({ throttles: [throttle as never] })).toThrow(message);
  });
});
