import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/config/load.js';
import type { ResolvedFormat } from '../../src/errors-format/format.js';
import { errorBodyProblem } from '../../src/errors-format/judge.js';
import { resolveErrorFormat } from '../../src/errors-format/resolve.js';
import type { RecordedResponse } from '../../src/http/exchange.js';
import type { ApiSpec, Operation, ResponseSpec } from '../../src/spec/model.js';
import { loadSpec } from '../../src/spec/load.js';

const json = (status: number, body: unknown, type = 'application/json'): RecordedResponse => ({
  status,
  headers: { 'content-type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  truncated: false,
});

function apiWith(responses: ResponseSpec[]): ApiSpec {
  const operation: Operation = {
    key: 'GET /things',
    method: 'get',
    path: '/things',
    tags: [],
    deprecated: false,
    parameters: [],
    responses,
    security: [],
    serverPath: '',
    extensions: {},
  };
  return { source: 'test', openapi: '3.1.0', title: 't', version: '1', serverPath: '', operations: [operation], securitySchemes: {}, document: {} };
}

const error = (status: string, type: string, schema?: Record<string, unknown>): ResponseSpec => ({
  status,
  content: [schema ? { type, schema } : { type }],
  headers: {},
});

const resolved = (spec: ApiSpec, config: unknown = {}): ResolvedFormat => {
  const result = resolveErrorFormat(spec, parseConfig(config, 'test'));
  if ('skip' in result) throw new Error(result.skip);
  return result;
};

const FASTAPI_422 = {
  type: 'object',
  properties: { detail: { type: 'array', items: { type: 'object', properties: { loc: { type: 'array' }, msg: { type: 'string' }, type: { type: 'string' } } } } },
};

describe('error format inference', () => {
  it('reads envelope and problem+json from the fixture documents', async () => {
    expect(resolved(await loadSpec('test/fixtures/errors/orders-envelope.openapi.json')).format.kind).toBe('envelope');
    expect(resolved(await loadSpec('test/fixtures/errors/orders-problem.openapi.json'))).toMatchObject({
      format: { kind: 'problem+json' },
      origin: 'inferred from 5 documented error responses',
    });
  });

  it('reads FastAPI’s validation error as the detail format', () => {
    expect(resolved(apiWith([error('422', 'application/json', FASTAPI_422)])).format.kind).toBe('detail');
  });

  it('falls back to the documented error schema, and judges each status by its own schema first', async () => {
    const { format, origin } = resolved(await loadSpec('test/fixtures/paths/catalog.openapi.json'));
    expect(format.kind).toBe('schema');
    expect(origin).toBe('inferred from 1 documented error response');
    expect(errorBodyProblem(format, json(405, { message: 'method not allowed' }), undefined)).toBeUndefined();
    expect(errorBodyProblem(format, json(405, { error: 'nope' }), undefined)).toBe("it does not match the documented error schema: /: must have required property 'message'");
  });

  it('says why it cannot infer a format', () => {
    const none = resolveErrorFormat(apiWith([error('404', 'application/json')]), parseConfig({}, 'test'));
    expect(none).toEqual({ skip: 'the document describes no error response bodies, so the error format cannot be inferred' });
    const tie = resolveErrorFormat(apiWith([error('404', 'application/problem+json'), error('422', 'application/json', FASTAPI_422)]), parseConfig({}, 'test'));
    expect(tie).toEqual({ skip: 'the documented error responses disagree on the format (problem+json 1, detail 1)' });
  });

  it('lets the config override the document', async () => {
    const spec = await loadSpec('test/fixtures/errors/orders-problem.openapi.json');
    expect(resolved(spec, { errors: { format: 'detail' } })).toMatchObject({ format: { kind: 'detail' }, origin: 'configured' });
  });
});

describe('errorBodyProblem', () => {
  const api = apiWith([]);
  const envelope = resolved(api, { errors: { format: 'envelope', codes: { '409': 'conflict', '400': ['bad_request'] } } }).format;
  const problem = resolved(api, { errors: { format: 'problem+json' } }).format;
  const detail = resolved(api, { errors: { format: 'detail' } }).format;

  it('judges the envelope and its code per status, with configured codes replacing the defaults', () => {
    expect(errorBodyProblem(envelope, json(404, { error: { code: 'not_found', message: 'no' } }), undefined)).toBeUndefined();
    expect(errorBodyProblem(envelope, json(422, { error: { code: 'anything', message: 'no', details: [] } }), undefined)).toBeUndefined();
    expect(errorBodyProblem(envelope, json(409, { error: { code: 'duplicate', message: 'no' } }), undefined)).toBe('error.code is "duplicate", but 409 takes "conflict"');
    expect(errorBodyProblem(envelope, json(400, { error: { code: 'validation_error', message: 'no' } }), undefined)).toBe('error.code is "validation_error", but 400 takes "bad_request"');
    expect(errorBodyProblem(envelope, json(404, { message: 'no' }), undefined)).toBe('the body has no "error" member');
    expect(errorBodyProblem(envelope, json(404, { error: { code: 'not_found' } }), undefined)).toBe('error.message is missing or not a string');
    expect(errorBodyProblem(envelope, json(404, 'Not Found', 'text/plain'), undefined)).toBe('the body is text/plain, not JSON: "Not Found"');
    expect(errorBodyProblem(envelope, json(500, '{"error":', 'application/json'), undefined)).toBe('the body is not valid JSON: "{\\"error\\":"');
    expect(errorBodyProblem(envelope, json(405, ''), undefined)).toBe('the body is empty');
  });

  it('judges problem details by RFC 9457', () => {
    const ok = { type: 'about:blank', title: 'Not Found', status: 404 };
    expect(errorBodyProblem(problem, json(404, ok, 'application/problem+json; charset=utf-8'), undefined)).toBeUndefined();
    expect(errorBodyProblem(problem, json(404, ok), undefined)).toMatch(/^Content-Type is application\/json, not application\/problem\+json \(RFC 9457 §3\)/);
    expect(errorBodyProblem(problem, json(404, { ...ok, status: '404' }, 'application/problem+json'), undefined)).toBe(
      '"status" is "404" but the HTTP status is 404 (RFC 9457 §3.1.2: they must match)',
    );
    expect(errorBodyProblem(problem, json(404, { type: 'about:blank', status: 404 }, 'application/problem+json'), undefined)).toBe('"title" is missing or not a string');
    // RFC 9457 §3.1.1-2: "type" defaults to about:blank and "status" is checked only when present.
    expect(errorBodyProblem(problem, json(404, { title: 'Not Found', detail: 'no such order' }, 'application/problem+json'), undefined)).toBeUndefined();
    expect(errorBodyProblem(problem, json(404, { ...ok, type: 7 }, 'application/problem+json'), undefined)).toBe('"type" is not a string');
  });

  it('accepts FastAPI’s and DRF’s detail bodies, and DRF field errors on 400', () => {
    expect(errorBodyProblem(detail, json(404, { detail: 'Not Found' }), undefined)).toBeUndefined();
    expect(errorBodyProblem(detail, json(422, { detail: [{ loc: ['body', 'item'], msg: 'Field required', type: 'missing' }] }), undefined)).toBeUndefined();
    expect(errorBodyProblem(detail, json(401, { detail: 'Given token not valid for any token type', code: 'token_not_valid' }), undefined)).toBeUndefined();
    expect(errorBodyProblem(detail, json(400, { item: ['This field is required.'] }), undefined)).toBeUndefined();
    expect(errorBodyProblem(detail, json(404, { item: ['This field is required.'] }), undefined)).toBe('the body has no "detail" member');
    expect(errorBodyProblem(detail, json(404, { detail: null }), undefined)).toBe('the body has no "detail" member');
  });

  it('validates against a zod schema given from a TypeScript config', () => {
    const schema = z.object({ message: z.string(), retryable: z.boolean() });
    const { format } = resolved(api, { errors: { format: { schema } } });
    expect(errorBodyProblem(format, json(503, { message: 'later', retryable: true }), undefined)).toBeUndefined();
    expect(errorBodyProblem(format, json(503, { message: 'later' }), undefined)).toMatch(/^it does not match the configured schema: \/retryable: /);
  });

  it('validates against a JSON Schema from a JSON or YAML config, whatever its draft', () => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['message'], properties: { message: { type: 'string' } } };
    const { format } = resolved(api, { errors: { format: { schema } } });
    expect(errorBodyProblem(format, json(400, { message: 'bad' }), undefined)).toBeUndefined();
    expect(errorBodyProblem(format, json(400, { msg: 'bad' }), undefined)).toBe("it does not match the configured schema: /: must have required property 'message'");
  });

  it('rejects config it cannot use, naming the key', () => {
    expect(() => parseConfig({ errors: { format: { schema: 'Error' } } }, 'test')).toThrow(/errors\.format/);
    expect(() => parseConfig({ errors: { codes: { '4xx': 'bad' } } }, 'test')).toThrow(/errors\.codes\.4xx: "4xx" is not an HTTP status code; expected one such as "404"/);
  });
});
