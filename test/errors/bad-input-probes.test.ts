import { beforeAll, describe, expect, it } from 'vitest';
import { badInputProbes, hasInputToBreak } from '../../src/checks/errors/bad-input-probes.js';
import type { ApiSpec, Operation } from '../../src/spec/model.js';
import { loadSpec } from '../../src/spec/load.js';

let spec: ApiSpec;
const operation = (key: string): Operation => spec.operations.find((op) => op.key === key)!;
beforeAll(async () => {
  spec = await loadSpec('test/fixtures/errors/orders-envelope.openapi.json');
});

const validPost = { method: 'POST', path: '/api/orders', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"item":"lamp","quantity":2}' };

describe('badInputProbes', () => {
  it('breaks a JSON body four ways, each a copy of the valid request with one thing wrong', () => {
    const probes = badInputProbes(operation('POST /orders'), validPost);
    expect(probes.map((p) => [p.label, p.request.headers['content-type'], p.request.body, p.expected])).toEqual([
      ['a malformed JSON body', 'application/json', '{"specgate": "malformed JSON",', [400, 422]],
      ['a text/plain body', 'text/plain', validPost.body, [415, 400, 422]],
      ['a body without the required "item"', 'application/json', '{"quantity":2}', [400, 422]],
      ['"item" as an object', 'application/json', '{"item":{"specgate":"not-a-string"},"quantity":2}', [400, 422]],
    ]);
    expect(probes.every((p) => p.request.headers.accept === 'application/json' && p.request.method === 'POST')).toBe(true);
  });

  it('never leaves out or mistypes a readOnly property', () => {
    const probes = badInputProbes(operation('POST /orders'), { ...validPost, body: '{"id":7,"item":"lamp","quantity":2}' });
    expect(probes.map((p) => p.label)).not.toContain('a body without the required "id"');
    expect(probes.map((p) => p.label)).not.toContain('"id" as a string');
  });

  it('swaps a typed path parameter and keeps the query', () => {
    const [probe, ...rest] = badInputProbes(operation('GET /orders/{id}'), { method: 'GET', path: '/api/orders/1?expand=items', headers: {} });
    expect(rest).toEqual([]);
    expect(probe).toMatchObject({ label: 'path parameter id = "specgate-not-a-number"', request: { path: '/api/orders/specgate-not-a-number?expand=items' }, expected: [400, 404, 422] });
  });

  it('has nothing to break without a body or a typed path parameter', () => {
    expect(hasInputToBreak(operation('GET /orders'))).toBe(false);
    expect(hasInputToBreak(operation('GET /orders/{id}'))).toBe(true);
    expect(badInputProbes(operation('POST /orders'), { method: 'POST', path: '/api/orders', headers: {} })).toEqual([]);
  });
});
