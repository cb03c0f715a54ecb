import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPath, matchOperation } from '../../src/spec/match.js';
import type { ApiSpec, HttpMethod, Operation } from '../../src/spec/model.js';

function operation(method: HttpMethod, path: string, serverPath = ''): Operation {
  return {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    tags: [],
    deprecated: false,
    parameters: [],
    responses: [],
    security: [],
    serverPath,
    extensions: {},
  };
}

function spec(...operations: Operation[]): ApiSpec {
  return { source: 'test', openapi: '3.1.0', title: 't', version: '1', serverPath: '', operations, securitySchemes: {}, document: {} };
}

const key = (found: Operation | undefined) => found && `${found.serverPath} ${found.key}`;

describe('matchOperation', () => {
  const api = spec(
    operation('get', '/users/{id}', '/api'),
    operation('get', '/users/me', '/api'),
    operation('get', '/users/{id}/files/{name}.json', '/api'),
    operation('get', '/users/{id}/files/{name}', '/api'),
    operation('delete', '/users/{id}', '/api'),
    operation('get', '/health'),
  );

  it('matches a concrete path below the server path, by method', () => {
    expect(key(matchOperation(api, 'GET', '/api/users/42'))).toBe('/api GET /users/{id}');
    expect(key(matchOperation(api, 'delete', '/api/users/42'))).toBe('/api DELETE /users/{id}');
    expect(key(matchOperation(api, 'GET', '/health?verbose=1'))).toBe(' GET /health');
  });

  it('prefers literal segments over templated ones', () => {
    expect(key(matchOperation(api, 'GET', '/api/users/me'))).toBe('/api GET /users/me');
    expect(key(matchOperation(api, 'GET', '/api/users/7/files/a.json'))).toBe('/api GET /users/{id}/files/{name}.json');
    expect(key(matchOperation(api, 'GET', '/api/users/7/files/a.txt'))).toBe('/api GET /users/{id}/files/{name}');
  });

  it('matches nothing for other methods, lengths, empty parameters or a missing server path', () => {
    expect(matchOperation(api, 'POST', '/api/users/42')).toBeUndefined();
    expect(matchOperation(api, 'GET', '/api/users/42/extra')).toBeUndefined();
    expect(matchOperation(api, 'GET', '/api/users/')).toBeUndefined();
    expect(matchOperation(api, 'GET', '/users/42')).toBeUndefined();
  });

  it('decodes percent-encoded segments before matching', () => {
    expect(key(matchOperation(api, 'GET', '/api/users/a%2Fb'))).toBe('/api GET /users/{id}');
    expect(key(matchOperation(api, 'GET', '/api/users/%6De'))).toBe('/api GET /users/me');
  });
});

describe('expandPath', () => {
  it('fills placeholders with percent-encoded values', () => {
    expect(expandPath('/users/{id}/files/{name}.json', { id: 42, name: 'a b/c?' })).toBe('/users/42/files/a%20b%2Fc%3F.json');
  });

  it('refuses a placeholder without a value', () => {
    expect(() => expandPath('/users/{id}', {})).toThrow('no value for path parameter "id" of /users/{id}');
    expect(() => expandPath('/users/{toString}', {})).toThrow('no value for path parameter "toString"');
  });

  it('round-trips with matchOperation for any template and values', () => {
    const literal = fc.stringMatching(/^[a-z0-9._~-]{1,8}$/);
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
    const segment = fc.oneof(
      literal.map((text) => ({ template: text, names: [] as string[] })),
      name.map((param) => ({ template: `{${param}}`, names: [param] })),
      fc.tuple(literal, name).map(([prefix, param]) => ({ template: `${prefix}{${param}}`, names: [param] })),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('', '/api', '/v1/base'),
        fc.dictionary(name, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
        (segments, serverPath, given, fallback) => {
          const template = `/${segments.map((part) => part.template).join('/')}`;
          const values = Object.fromEntries(segments.flatMap((part) => part.names).map((param) => [param, given[param] ?? fallback]));
          const target = operation('get', template, serverPath);
          const api = spec(operation('post', template, serverPath), target, operation('get', `${template}/more`, serverPath));
          expect(matchOperation(api, 'GET', serverPath + expandPath(template, values))).toBe(target);
        },
      ),
      { numRuns: 300 },
    );
  });
});
