import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRegistryApp } from '../../examples/api/app.js';
import { openContract, type Contract } from '../../src/vitest/index.js';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';

const catalogSpec = 'test/fixtures/paths/catalog.openapi.json';

describe('openContract against the Catalog API', () => {
  let correct: Contract;
  let mismatch: Contract;
  beforeAll(async () => {
    const config = { spec: catalogSpec, fixtures: { default: { id: 1 } } };
    [correct, mismatch] = await Promise.all([openContract({ config, target: catalogExpress('correct') }), openContract({ config, target: catalogExpress('schema-mismatch') })]);
  });
  afterAll(() => Promise.all([correct?.close(), mismatch?.close()]));

  test('exposes the spec, its operations and a sampler filled from fixtures', () => {
    expect(correct.spec.title).toBe('Catalog');
    expect(correct.operations.map((op) => op.key)).toEqual(['GET /items', 'GET /items/{id}', 'POST /items']);
    expect(correct.sample('GET /items/{id}')).toMatchObject({ method: 'GET', path: '/api/items/1' });
    expect(() => correct.operation('GET /nope')).toThrow('Catalog has no operation "GET /nope"');
  });

  test('toMatchOperation passes a documented response and explains one that is not', async () => {
    const item = correct.operation('GET /items/{id}');
    expect(await correct.client().send(item)).toMatchOperation(item);
    const wrong = await mismatch.client().send(item);
    expect(() => expect(wrong).toMatchOperation(item)).toThrow('the 200 body does not match the documented 200 schema: /price: must be number');
    expect(wrong).not.toMatchOperation(item);
  });

  test('toMatchOperation names an undocumented status', async () => {
    const request = correct.sample('GET /items/{id}');
    const missing = await correct.client().send({ ...request, path: '/api/items/99' });
    expect(missing).toMatchOperation(correct.operation('GET /items/{id}'));
    expect(() => expect(missing).toMatchOperation(correct.operation('GET /items'))).toThrow('GET /items does not document 404 (it documents 200)');
  });

  test('refuses unsafe methods unless destructive requests are allowed', async () => {
    await expect(correct.client().send('POST /items')).rejects.toThrow('POST /items is not a safe method and destructive requests are off');
    await expect(correct.client().send({ method: 'DELETE', path: '/api/items/1', headers: {} })).rejects.toThrow('DELETE is not a safe method');
  });

  test('toHaveErrorEnvelope judges error bodies by the given format', async () => {
    const missing = await correct.client().send({ ...correct.sample('GET /items/{id}'), path: '/api/items/99' });
    expect(() => expect(missing).toHaveErrorEnvelope('envelope')).toThrow('the 404 body breaks the envelope format: the body has no "error" member');
    const list = await correct.client().send('GET /items');
    expect(() => expect(list).toHaveErrorEnvelope('envelope')).toThrow('expected an error response, got 200');
  });

  test('the matchers need an exchange sent by a contract client', () => {
    expect(() => expect({ status: 200 }).toMatchOperation(correct.operation('GET /items'))).toThrow('expected an exchange returned by a contract client');
  });
});

describe('openContract against the example registry API', () => {
  let api: Contract;
  beforeAll(async () => {
    api = await openContract({ config: 'examples/specgate.config.json', target: createRegistryApp() });
  });
  afterAll(() => api?.close());

  test('clients send as an identity; its tenant’s fixtures fill the request', async () => {
    const model = api.operation('GET /models/{model_id}');
    const own = await api.client('globex-admin').send(model);
    expect(own.request.path).toBe('/api/v1/models/m-globex-1');
    expect(own).toMatchOperation(model);
    expect(JSON.parse(own.response!.body)).toMatchObject({ id: 'm-globex-1' });
    expect(() => api.client('nobody')).toThrow('no identity "nobody" in the config');
  });

  test('toHaveErrorEnvelope takes the format the config or the document gives', async () => {
    const refused = await api.client().send('GET /models');
    expect(refused.response?.status).toBe(401);
    expect(refused).toHaveErrorEnvelope();
    expect(refused.request.headers.authorization).toBeUndefined();
  });
});
