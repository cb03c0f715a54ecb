import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/errors.js';
import type { ApiSpec, Operation } from '../../src/spec/model.js';
import { normaliseDocument } from '../../src/spec/normalise.js';

const SOURCE = 'api.yaml';

function normalise(document: Record<string, unknown>, source = SOURCE): ApiSpec {
  return normaliseDocument(document, source);
}

function only(document: Record<string, unknown>): Operation {
  const [operation, ...rest] = normalise(document).operations;
  if (!operation || rest.length > 0) throw new Error('expected exactly one operation');
  return operation;
}

function openapi(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths, ...extra };
}

function swagger(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'T', version: '1' }, paths, ...extra };
}

function errorOf(run: () => unknown): Error & { hint?: string } {
  try {
    run();
  } catch (error) {
    expect(isUsageError(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected a UsageError');
}

describe('operations', () => {
  it('makes one operation per path × HTTP method, keyed METHOD /path as written', () => {
    const spec = normalise(
      openapi({
        '/pets/{petId}': { summary: 'not a method', get: { operationId: 'getPet', tags: ['pets'] }, delete: { deprecated: true } },
        'x-internal': { get: {} },
      }),
    );
    expect(spec.operations.map((op) => op.key)).toEqual(['GET /pets/{petId}', 'DELETE /pets/{petId}']);
    expect(spec.operations[0]).toMatchObject({ method: 'get', path: '/pets/{petId}', operationId: 'getPet', tags: ['pets'], deprecated: false });
    expect(spec.operations[1]).toMatchObject({ deprecated: true, tags: [] });
    expect(spec.operations[1]).not.toHaveProperty('operationId');
  });

  it('leaves webhooks out and accepts OpenAPI 3.1 without paths', () => {
    const spec = normalise({ openapi: '3.1.0', info: { title: 'Hooks', version: '2' }, webhooks: { newPet: { post: {} } } });
    expect(spec).toMatchObject({ openapi: '3.1.0', title: 'Hooks', version: '2', operations: [], serverPath: '' });
  });

  it('merges vendor extensions of the path item and the operation, the operation winning', () => {
    const operation = only(openapi({ '/a': { 'x-roles': ['admin'], 'x-team': 'core', get: { 'x-roles': ['viewer'], description: 'no' } } }));
    expect(operation.extensions).toEqual({ 'x-roles': ['viewer'], 'x-team': 'core' });
  });
});

describe('parameters', () => {
  it('merges path-level parameters with operation ones, overriding by name and location', () => {
    const operation = only(
      openapi({
        '/pets/{id}': {
          parameters: [
            { name: 'id', in: 'path', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
            { name: 'trace', in: 'header' },
          ],
          get: {
            parameters: [
              { name: 'limit', in: 'query', required: true, schema: { type: 'integer', maximum: 10 } },
              { name: 'trace', in: 'cookie' },
            ],
          },
        },
      }),
    );
    expect(operation.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: true, schema: { type: 'integer', maximum: 10 } },
      { name: 'trace', in: 'header', required: false },
      { name: 'trace', in: 'cookie', required: false },
    ]);
  });

  it('collects examples from the parameter, its Example objects and its schema', () => {
    const operation = only(
      openapi({
        '/a': {
          get: {
            parameters: [
              { name: 'own', in: 'query', example: 'x', schema: { type: 'string', example: 'ignored' } },
              { name: 'named', in: 'query', examples: { one: { value: 1 }, far: { externalValue: 'http://e/x' } }, schema: { examples: [2, 3] } },
              { name: 'fromSchema', in: 'query', schema: { type: 'string', example: 's' }, style: 'form', explode: false },
              { name: 'viaContent', in: 'query', content: { 'application/json': { schema: { type: 'object' }, example: { a: 1 } } } },
            ],
          },
        },
      }),
    );
    expect(operation.parameters).toEqual([
      { name: 'own', in: 'query', required: false, schema: { type: 'string', example: 'ignored' }, example: 'x' },
      { name: 'named', in: 'query', required: false, schema: { examples: [2, 3] }, examples: [1, 2, 3] },
      { name: 'fromSchema', in: 'query', required: false, schema: { type: 'string', example: 's' }, example: 's', style: 'form', explode: false },
      { name: 'viaContent', in: 'query', required: false, schema: { type: 'object' }, example: { a: 1 } },
    ]);
  });

  it('maps Swagger 2.0 parameter keywords to a schema and collectionFormat to style/explode', () => {
    const operation = only(
      swagger({
        '/a/{ids}': {
          get: {
            parameters: [
              { name: 'ids', in: 'path', required: true, type: 'array', items: { type: 'integer' } },
              { name: 'tags', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' },
              { name: 'size', in: 'query', type: 'integer', minimum: 1, default: 20, description: 'not schema' },
            ],
          },
        },
      }),
    );
    expect(operation.parameters).toEqual([
      { name: 'ids', in: 'path', required: true, schema: { type: 'array', items: { type: 'integer' } }, style: 'simple', explode: false },
      { name: 'tags', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true },
      { name: 'size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 20 } },
    ]);
  });
});

describe('request bodies', () => {
  it('reads OpenAPI 3 requestBody content with media-type and schema examples', () => {
    const operation = only(
      openapi({
        '/a': {
          post: {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: { type: 'object', example: { s: 1 } }, examples: { a: { value: { e: 1 } } } },
                'text/plain': { example: 'hi' },
              },
            },
          },
        },
      }),
    );
    expect(operation.requestBody).toEqual({
      required: true,
      content: [
        { type: 'application/json', schema: { type: 'object', example: { s: 1 } }, example: { s: 1 }, examples: [{ e: 1 }] },
        { type: 'text/plain', example: 'hi' },
      ],
    });
  });

  it('turns a Swagger 2.0 body parameter into a request body in each consumed type', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } } };
    const document = swagger(
      {
        '/global': { post: { parameters: [{ name: 'pet', in: 'body', required: true, schema }] } },
        '/own': { post: { consumes: ['application/xml'], parameters: [{ name: 'pet', in: 'body', schema }] } },
      },
      { consumes: ['application/json', 'application/vnd.api+json'] },
    );
    const [global, own] = normalise(document).operations;
    expect(global?.parameters).toEqual([]);
    expect(global?.requestBody).toEqual({
      required: true,
      content: [
        { type: 'application/json', schema },
        { type: 'application/vnd.api+json', schema },
      ],
    });
    expect(own?.requestBody).toEqual({ required: false, content: [{ type: 'application/xml', schema }] });
    const [fallback] = normalise(swagger({ '/a': { put: { parameters: [{ name: 'b', in: 'body', schema }] } } })).operations;
    expect(fallback?.requestBody?.content.map((media) => media.type)).toEqual(['application/json']);
  });

  it('turns Swagger 2.0 formData parameters into a form body', () => {
    const document = swagger({
      '/login': {
        post: {
          consumes: ['application/x-www-form-urlencoded'],
          parameters: [
            { name: 'user', in: 'formData', type: 'string', required: true },
            { name: 'remember', in: 'formData', type: 'boolean' },
          ],
        },
      },
      '/upload': { post: { parameters: [{ name: 'file', in: 'formData', type: 'file' }] } },
    });
    const [login, upload] = normalise(document).operations;
    expect(login?.requestBody).toEqual({
      required: true,
      content: [
        {
          type: 'application/x-www-form-urlencoded',
          schema: { type: 'object', properties: { user: { type: 'string' }, remember: { type: 'boolean' } }, required: ['user'] },
        },
      ],
    });
    expect(upload?.requestBody).toEqual({
      required: false,
      content: [{ type: 'multipart/form-data', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }],
    });
  });
});

describe('responses', () => {
  it('keys responses exactly as written, with content and headers', () => {
    const operation = only(
      openapi({
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                headers: { 'X-Rate-Limit': { required: true, schema: { type: 'integer' } }, Link: { content: { 'text/plain': { schema: { type: 'string' } } } } },
                content: { 'application/json': { schema: { type: 'array' } } },
              },
              '4XX': { description: 'client error' },
              default: { description: 'other' },
              'x-note': 'not a response',
            },
          },
        },
      }),
    );
    expect(operation.responses).toEqual([
      {
        status: '200',
        description: 'ok',
        content: [{ type: 'application/json', schema: { type: 'array' } }],
        headers: { 'X-Rate-Limit': { required: true, schema: { type: 'integer' } }, Link: { required: false, schema: { type: 'string' } } },
      },
      { status: '4XX', description: 'client error', content: [], headers: {} },
      { status: 'default', description: 'other', content: [], headers: {} },
    ]);
  });

  it('gives an OpenAPI 3.1 operation without responses none', () => {
    expect(only({ openapi: '3.1.0', info: {}, paths: { '/a': { get: {} } } }).responses).toEqual([]);
  });

  it('gives Swagger 2.0 responses a body in each produced type, with headers and examples', () => {
    const operation = only(
      swagger(
        {
          '/a': {
            get: {
              responses: {
                '200': {
                  description: 'ok',
                  schema: { type: 'string' },
                  headers: { 'X-Total': { type: 'integer', description: 'count' } },
                  examples: { 'text/plain': 'hello' },
                },
                '204': { description: 'empty' },
              },
            },
          },
        },
        { produces: ['application/json', 'text/plain'] },
      ),
    );
    expect(operation.responses).toEqual([
      {
        status: '200',
        description: 'ok',
        content: [
          { type: 'application/json', schema: { type: 'string' } },
          { type: 'text/plain', schema: { type: 'string' }, example: 'hello' },
        ],
        headers: { 'X-Total': { required: false, schema: { type: 'integer' } } },
      },
      { status: '204', description: 'empty', content: [], headers: {} },
    ]);
  });
});

describe('security', () => {
  const schemes = {
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'Bearer', bearerFormat: 'JWT' },
        key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        oauth: { type: 'oauth2', flows: {} },
      },
    },
  };

  it('uses the operation security, else the global one, else none; [] makes an operation explicitly public', () => {
    const spec = normalise(
      openapi(
        {
          '/inherits': { get: {} },
          '/public': { get: { security: [] } },
          '/own': { get: { security: [{ oauth: ['read', 'write'] }, {}] } },
        },
        { ...schemes, security: [{ bearer: [] }, { key: [] }] },
      ),
    );
    expect(spec.operations.map((op) => op.security)).toEqual([
      [[{ scheme: 'bearer', scopes: [] }], [{ scheme: 'key', scopes: [] }]],
      [[]],
      [[{ scheme: 'oauth', scopes: ['read', 'write'] }], []],
    ]);
    expect(only(openapi({ '/a': { get: {} } })).security).toEqual([]);
  });

  it('reads security schemes of OpenAPI 3 and Swagger 2.0', () => {
    expect(normalise(openapi({}, schemes)).securitySchemes).toEqual({
      bearer: { name: 'bearer', type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      key: { name: 'key', type: 'apiKey', in: 'header', paramName: 'X-API-Key' },
      oauth: { name: 'oauth', type: 'oauth2' },
    });
    const securityDefinitions = { basic: { type: 'basic' }, token: { type: 'apiKey', in: 'query', name: 'access_token' } };
    expect(normalise(swagger({}, { securityDefinitions })).securitySchemes).toEqual({
      basic: { name: 'basic', type: 'http', scheme: 'basic' },
      token: { name: 'token', type: 'apiKey', in: 'query', paramName: 'access_token' },
    });
  });

  it('rejects a security scheme of unknown type', () => {
    const error = errorOf(() => normalise(openapi({}, { components: { securitySchemes: { odd: { type: 'magic' } } } })));
    expect(error.message).toContain('api.yaml#/components/securitySchemes/odd');
  });
});

describe('server path', () => {
  it('takes the path of the first server URL, with variables filled by their defaults', () => {
    const servers = [
      { url: '{scheme}://api.example.com:{port}/{base}/', variables: { scheme: { default: 'https' }, port: { default: '8443' }, base: { default: 'v2' } } },
      { url: '/ignored' },
    ];
    expect(normalise(openapi({}, { servers })).serverPath).toBe('/v2');
    expect(normalise(openapi({}, { servers: [{ url: '/' }] })).serverPath).toBe('');
    expect(normalise(openapi({}, { servers: [{ url: 'api/v1' }] })).serverPath).toBe('/api/v1');
    expect(normalise(openapi({})).serverPath).toBe('');
  });

  it('resolves a relative server URL against the URL the document was fetched from', () => {
    const document = openapi({}, { servers: [{ url: 'v1' }] });
    expect(normalise(document, 'http://127.0.0.1:8000/docs/openapi.json').serverPath).toBe('/docs/v1');
  });

  it('lets path-item and operation servers override the document ones', () => {
    const spec = normalise(
      openapi(
        {
          '/a': { get: {}, servers: [{ url: 'https://files.example.com/storage' }], put: { servers: [{ url: '/upload/' }] } },
          '/b': { get: {} },
        },
        { servers: [{ url: 'https://api.example.com/api' }] },
      ),
    );
    expect(spec.operations.map((op) => `${op.key} ${op.serverPath}`)).toEqual(['GET /a /storage', 'PUT /a /upload', 'GET /b /api']);
  });

  it('uses the Swagger 2.0 basePath', () => {
    expect(normalise(swagger({ '/a': { get: {} } }, { basePath: '/v1/' })).operations[0]?.serverPath).toBe('/v1');
    expect(normalise(swagger({}, { basePath: '/' })).serverPath).toBe('');
  });

  it('rejects a server URL that cannot be parsed', () => {
    const error = errorOf(() => normalise(openapi({}, { servers: [{ url: 'http://[::1/v1' }] })));
    expect(error.message).toContain('api.yaml#/servers/0/url');
  });
});

describe('malformed documents', () => {
  it.each([
    ['paths is not an object', openapi([] as unknown as Record<string, unknown>), '#/paths', 'paths must be an object'],
    ['a path item is not an object', openapi({ '/a/b': 'nope' }), '#/paths/~1a~1b', 'path item must be an object, found string'],
    ['an operation is not an object', openapi({ '/a': { get: [] } }), '#/paths/~1a/get', 'operation must be an object, found array'],
    ['parameters is not a list', openapi({ '/a': { get: { parameters: {} } } }), '#/paths/~1a/get/parameters', 'parameters must be an array'],
    ['a parameter has no location', openapi({ '/a': { parameters: [{ name: 'q' }], get: {} } }), '#/paths/~1a/parameters/0', 'a parameter must be'],
    ['a body parameter in OpenAPI 3', openapi({ '/a': { post: { parameters: [{ name: 'b', in: 'body' }] } } }), '#/paths/~1a/post/parameters/0', 'one of path, query, header, cookie'],
    ['a response is not an object', openapi({ '/a': { get: { responses: { '200': 'ok' } } } }), '#/paths/~1a/get/responses/200', 'response must be an object'],
    ['the version is a number', { swagger: 2, paths: {} }, '#/swagger', 'must be a string, found the number 2'],
    ['the version is unsupported', { openapi: '4.0.0', paths: {} }, '#/openapi', 'version 4.0.0 is not supported'],
    ['there is no version', { paths: {} }, '#', 'no `openapi` or `swagger` version'],
  ])('names the file and pointer when %s', (_case, document, pointer, what) => {
    const error = errorOf(() => normalise(document));
    expect(error.message).toContain(`${SOURCE}${pointer}`);
    expect(error.message).toContain(what);
    expect(error.hint).toBeTruthy();
  });
});
