import { describe, expect, it } from 'vitest';
import { acceptHeader } from '../../src/sample/accept.js';
import { sampleRequest, type SampleResult } from '../../src/sample/request.js';
import type { MediaType, Operation, ResponseSpec } from '../../src/spec/model.js';

function operation(fields: Partial<Operation> = {}): Operation {
  return {
    key: 'GET /models/{model_id}',
    method: 'get',
    path: '/models/{model_id}',
    tags: [],
    deprecated: false,
    parameters: [{ name: 'model_id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: [],
    security: [],
    serverPath: '/api/v1',
    extensions: {},
    ...fields,
  };
}

function request(result: SampleResult) {
  if ('missing' in result) throw new Error(`missing ${result.missing.join(', ')}`);
  return result.request;
}

const ok = (...content: MediaType[]): ResponseSpec => ({ status: '200', content, headers: {} });

describe('sampleRequest: path and fixtures', () => {
  const fixtures = { default: { model_id: 'm-default' }, acme: { model_id: 'm acme/1' } };

  it('takes the tenant fixture, then the default one, and encodes it into the server path', () => {
    expect(sampleRequest(operation(), { fixtures, tenant: 'acme' })).toEqual({
      request: { method: 'GET', path: '/api/v1/models/m%20acme%2F1', headers: {} },
      generatedPathParams: [],
    });
    expect(request(sampleRequest(operation(), { fixtures, tenant: 'globex' })).path).toBe('/api/v1/models/m-default');
    expect(request(sampleRequest(operation({ serverPath: '/' }), { fixtures })).path).toBe('/models/m-default');
  });

  it('generates a path parameter with no fixture and no example, and says so', () => {
    const result = sampleRequest(operation({ parameters: [{ name: 'model_id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }] }));
    expect(result).toEqual({ request: expect.objectContaining({ path: expect.stringMatching(/^\/api\/v1\/models\/\d+$/) }), generatedPathParams: ['model_id'] });
  });

  it('derives each generated value from the seed and the parameter name', () => {
    const op = operation({
      path: '/a/{x}/b/{y}',
      parameters: ['x', 'y'].map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'integer' } })),
    });
    const paths = [0, 1, 2].map((seed) => request(sampleRequest(op, { seed })).path);
    expect(paths[0]).toBe(request(sampleRequest(op, { seed: 0 })).path);
    expect(new Set(paths).size).toBeGreaterThan(1);
    expect(paths.some((path) => /\/a\/(\d+)\/b\/(?!\1$)\d+$/.test(path))).toBe(true);
  });

  it('does not count documented values as generated', () => {
    const op = operation({ parameters: [{ name: 'model_id', in: 'path', required: true, example: 'gpt-1', schema: { type: 'string' } }] });
    expect(sampleRequest(op)).toEqual({ request: expect.objectContaining({ path: '/api/v1/models/gpt-1' }), generatedPathParams: [] });
  });

  it('fills an undeclared template variable from fixtures, else reports it missing', () => {
    const op = operation({ path: '/orgs/{org}/models/{model_id}' });
    expect(request(sampleRequest(op, { fixtures: { default: { org: 'o-1' } } })).path).toMatch(/^\/api\/v1\/orgs\/o-1\/models\/[a-z]+$/);
    expect(sampleRequest(op)).toEqual({ missing: ['org'] });
  });

  it('reports a required parameter whose value cannot be produced', () => {
    const op = operation({ parameters: [{ name: 'size', in: 'query', required: true, schema: { type: 'integer', minimum: 5, maximum: 1 } }], path: '/models' });
    expect(sampleRequest(op)).toEqual({ missing: ['size'] });
    expect(request(sampleRequest(op, { fixtures: { default: { size: 3 } } })).path).toBe('/api/v1/models?size=3');
  });
});

describe('sampleRequest: query, headers and cookies', () => {
  const op = operation({
    path: '/models',
    parameters: [
      { name: 'limit', in: 'query', required: true, schema: { type: 'integer', default: 10 } },
      { name: 'tags', in: 'query', required: true, schema: { type: 'array', items: { type: 'string', enum: ['a b'] } } },
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'filter', in: 'query', required: false, style: 'deepObject', explode: true, schema: { type: 'object' } },
      { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string', example: 'acme' } },
      { name: 'Accept', in: 'header', required: true, schema: { type: 'string', example: 'text/csv' } },
      { name: 'session', in: 'cookie', required: true, example: 's-1' },
      { name: 'theme', in: 'cookie', required: true, schema: { enum: ['dark'] } },
    ],
  });

  it('fills required parameters, optional ones only from fixtures, and serialises each by its location', () => {
    const sent = request(sampleRequest(op, { fixtures: { default: { filter: { owner: 'me' } } } }));
    expect(sent.path).toBe('/api/v1/models?limit=10&tags=a%20b&filter%5Bowner%5D=me');
    expect(sent.headers).toEqual({ 'x-tenant': 'acme', cookie: 'session=s-1; theme=dark' });
  });

  it('lets configured headers win, lower-cased', () => {
    const sent = request(sampleRequest(op, { headers: { 'X-Tenant': 'globex', Accept: 'application/xml' } }));
    expect(sent.headers).toMatchObject({ 'x-tenant': 'globex', accept: 'application/xml' });
  });
});

describe('sampleRequest: body', () => {
  const json: MediaType = { type: 'application/json', schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'n-1' } } } };
  const form: MediaType = {
    type: 'application/x-www-form-urlencoded',
    schema: { type: 'object', required: ['name', 'tags', 'metadata'], properties: { name: { type: 'string', example: 'n 1' }, tags: { type: 'array', items: { enum: ['x'] }, minItems: 1 }, metadata: { type: 'object', required: ['k'], properties: { k: { const: 'v' } } } } },
  };
  const multipart: MediaType = {
    type: 'multipart/form-data',
    schema: { type: 'object', required: ['file', 'purpose'], properties: { file: { type: 'string', format: 'binary' }, purpose: { const: 'fine-tune' } } },
  };
  const post = (...content: MediaType[]): Operation => operation({ method: 'post', path: '/models', parameters: [], requestBody: { required: true, content } });

  it('prefers JSON, then form-urlencoded, then multipart, then the first', () => {
    expect(request(sampleRequest(post(multipart, form, json))).headers['content-type']).toBe('application/json');
    expect(request(sampleRequest(post(multipart, form))).headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request(sampleRequest(post({ type: 'text/plain', schema: { type: 'string', const: 'hi' } }, multipart))).headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const text = request(sampleRequest(post({ type: 'text/plain', schema: { type: 'string', const: 'hi' } })));
    expect([text.headers['content-type'], text.body]).toEqual(['text/plain', 'hi']);
  });

  it('uses the media example when it may conform, else generates', () => {
    expect(request(sampleRequest(post({ ...json, example: { name: 'ex' } }))).body).toBe('{"name":"ex"}');
    expect(request(sampleRequest(post({ ...json, example: { title: 'no name' } }))).body).toBe('{"name":"n-1"}');
    expect(request(sampleRequest(post({ type: 'application/merge-patch+json', examples: [[1]] }))).body).toBe('[1]');
  });

  it('encodes form bodies with repeated keys for lists and brackets for objects', () => {
    expect(request(sampleRequest(post(form))).body).toBe('name=n+1&tags=x&metadata%5Bk%5D=v');
  });

  it('encodes multipart bodies with file parts for binary properties', () => {
    const sent = request(sampleRequest(post(multipart)));
    const boundary = /boundary=(.+)$/.exec(sent.headers['content-type']!)![1]!;
    const body = sent.body as string;
    expect(body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="file.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    expect(body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n`);
    expect(body.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });

  it('sends no body on GET or HEAD, even when one is documented', () => {
    for (const method of ['get', 'head'] as const) {
      const sent = request(sampleRequest({ ...post(json), method }));
      expect([sent.method, sent.body, sent.headers['content-type']]).toEqual([method.toUpperCase(), undefined, undefined]);
    }
  });

  it('sends no body when none can be produced', () => {
    const sent = request(sampleRequest(post({ type: 'application/json', schema: { not: {} } })));
    expect(sent.body).toBeUndefined();
    expect(sent.headers['content-type']).toBeUndefined();
  });
});

describe('accept', () => {
  it('lists the 2xx media types of one family', () => {
    expect(acceptHeader([ok({ type: 'application/json' }), { status: '404', content: [{ type: 'text/html' }], headers: {} }])).toBe('application/json');
    expect(acceptHeader([ok({ type: 'application/json' }), { status: '2XX', content: [{ type: 'application/problem+json' }], headers: {} }])).toBe(
      'application/json, application/problem+json',
    );
    expect(request(sampleRequest(operation({ responses: [ok({ type: 'application/xml' })] }))).headers.accept).toBe('application/xml');
  });

  it('is left out when the families differ or nothing is documented', () => {
    expect(acceptHeader([ok({ type: 'application/json' }, { type: 'application/xml' })])).toBeUndefined();
    expect(acceptHeader([ok({ type: 'text/plain' }, { type: 'text/html' })])).toBeUndefined();
    expect(acceptHeader([ok(), { status: 'default', content: [{ type: 'application/json' }], headers: {} }])).toBeUndefined();
  });
});
