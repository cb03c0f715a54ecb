import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isUsageError, type UsageError } from '../../src/errors.js';
import type { SpecFetcher } from '../../src/spec/fetch.js';
import { loadSpec } from '../../src/spec/load.js';

const root = mkdtempSync(path.join(tmpdir(), 'specgate-load-'));
let counter = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Writes the files into a fresh directory; returns the path of the first one.
function files(contents: Record<string, string>): string {
  const dir = path.join(root, String(counter++));
  for (const [name, text] of Object.entries(contents)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return path.join(dir, Object.keys(contents)[0] ?? '');
}

async function loadError(source: string, fetch?: SpecFetcher): Promise<UsageError> {
  const error: unknown = await loadSpec(source, fetch ? { fetch } : {}).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isUsageError(error)) throw new Error(`expected a UsageError, got ${String(error)}`);
  expect(error.hint).toBeTruthy();
  return error;
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): Json => keys.reduce<Json>((current, key) => current[key] as Json, value as Json);

const PETS = `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pets' }
components:
  schemas:
    Pets: { type: array, items: { $ref: '#/components/schemas/Pet' } }
    Pet: { type: object, properties: { name: { type: string } } }
`;

describe('sources', () => {
  it('loads a YAML file and resolves internal refs', async () => {
    const spec = await loadSpec(files({ 'api.yaml': PETS }));
    const schema = spec.operations[0]?.responses[0]?.content[0]?.schema;
    expect(schema).toEqual({ type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } });
    expect(schema?.items).toBe(at(spec.document, 'components', 'schemas', 'Pet'));
  });

  it('loads a JSON file with a byte-order mark', async () => {
    const spec = await loadSpec(files({ 'api.json': `\uFEFF${JSON.stringify({ swagger: '2.0', info: {}, paths: { '/a': { get: {} } } })}` }));
    expect(spec.operations.map((op) => op.key)).toEqual(['GET /a']);
  });

  it('reports a missing file as SPECGATE_SPEC_NOT_FOUND', async () => {
    const error = await loadError(path.join(root, 'nope.yaml'));
    expect(error.code).toBe('SPECGATE_SPEC_NOT_FOUND');
    expect(error.message).toContain('nope.yaml: file not found');
  });

  it('loads a URL source through the given fetch, and fetches nothing else', async () => {
    const fetch = vi.fn<SpecFetcher>(async () => ({ status: 200, body: PETS, contentType: 'application/yaml' }));
    const spec = await loadSpec('http://127.0.0.1:9/openapi.yaml', { fetch });
    expect(spec.source).toBe('http://127.0.0.1:9/openapi.yaml');
    expect(spec.operations).toHaveLength(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not fetch a URL that a $ref points to, and says so', async () => {
    const body = JSON.stringify({ openapi: '3.1.0', info: {}, paths: { '/a': { $ref: 'paths/a.json' } } });
    const fetch = vi.fn<SpecFetcher>(async () => ({ status: 200, body, contentType: 'application/json' }));
    const error = await loadError('https://api.example.com/openapi.json', fetch);
    expect(error.message).toContain('https://api.example.com/openapi.json#/paths/~1a');
    expect(error.message).toContain('https://api.example.com/paths/a.json is not fetched');
    expect(error.hint).toContain('bundle');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not let a fetched document read local files', async () => {
    const body = JSON.stringify({ openapi: '3.1.0', info: {}, paths: { '/a': { $ref: 'file:///etc/hostname' } } });
    const error = await loadError('https://api.example.com/openapi.json', async () => ({ status: 200, body, contentType: 'application/json' }));
    expect(error.message).toContain('file:///etc/hostname is not read for a document fetched from a URL');
  });

  it('reports a URL answering an error status as SPECGATE_SPEC_NOT_FOUND', async () => {
    const error = await loadError('http://127.0.0.1:9/openapi.json', async () => ({ status: 404, body: 'Not Found', contentType: 'text/plain' }));
    expect(error.code).toBe('SPECGATE_SPEC_NOT_FOUND');
    expect(error.message).toContain('answered 404');
  });
});

describe('external references', () => {
  it('follows relative refs into other files, relative to the file holding each ref', async () => {
    const spec = await loadSpec(
      files({
        'spec/openapi.yaml': `openapi: 3.1.0
info: { title: Split, version: '1' }
paths:
  /items/{itemId}:
    $ref: 'paths/items_{itemId}.yaml'
`,
        'spec/paths/items_{itemId}.yaml': `parameters:
  - $ref: '../common.yaml#/parameters/ItemId'
get:
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: { $ref: '../schemas/Item.yaml' }
`,
        'spec/common.yaml': `parameters:
  ItemId: { name: itemId, in: path, required: true, schema: { type: string } }
`,
        'spec/schemas/Item.yaml': `type: object
properties:
  id: { type: string }
  parent: { $ref: './Item.yaml' }
`,
      }),
    );
    const [get] = spec.operations;
    expect(get?.key).toBe('GET /items/{itemId}');
    expect(get?.parameters).toEqual([{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }]);
    const item = get?.responses[0]?.content[0]?.schema;
    expect(at(item, 'properties', 'parent')).toBe(item);
  });

  it('names the referring file and pointer when a referenced file is missing', async () => {
    const source = files({
      'openapi.yaml': `openapi: 3.0.0
info: {}
paths:
  /a: { $ref: 'paths/a.yaml' }
`,
      'paths/a.yaml': `get:
  responses:
    '200': { $ref: '../responses/Missing.yaml' }
`,
    });
    const error = await loadError(source);
    expect(error.code).toBe('SPECGATE_SPEC_INVALID');
    expect(error.message).toContain(`${path.join(path.dirname(source), 'paths', 'a.yaml')}#/get/responses/200`);
    expect(error.message).toContain('Missing.yaml: file not found');
  });

  it('reports a syntax error in a referenced file with its line and column', async () => {
    const source = files({
      'openapi.yaml': `openapi: 3.0.0
info: {}
paths:
  /a: { $ref: 'a.yaml' }
`,
      'a.yaml': 'get:\n  responses: [1, 2\n',
    });
    const error = await loadError(source);
    expect(error.message).toMatch(/a\.yaml:3:1: invalid YAML/);
  });

  it('keeps refs of vendor extensions that do not resolve, and resolves those that do', async () => {
    const spec = await loadSpec(
      files({
        'openapi.yaml': `openapi: 3.1.0
info: {}
paths:
  /a:
    get:
      x-codeSamples:
        - lang: PHP
          source: { $ref: '../code_samples/get.php' }
      x-limits: { $ref: '#/components/x-limits/default' }
      x-broken: { $ref: '#/components/x-limits/missing' }
components:
  x-limits:
    default: { limit: 5, window: 60s }
`,
      }),
    );
    expect(spec.operations[0]?.extensions).toEqual({
      'x-codeSamples': [{ lang: 'PHP', source: { $ref: '../code_samples/get.php' } }],
      'x-limits': { limit: 5, window: '60s' },
      'x-broken': { $ref: '#/components/x-limits/missing' },
    });
  });
});

describe('refs that are data', () => {
  it('leaves $ref keys inside examples, defaults, enums and consts alone', async () => {
    const fetch = vi.fn<SpecFetcher>();
    const spec = await loadSpec(
      files({
        'openapi.json': JSON.stringify({
          openapi: '3.1.0',
          info: {},
          paths: {
            '/groups': {
              get: {
                responses: {
                  '200': {
                    description: 'ok',
                    content: {
                      'application/json': {
                        schema: {
                          type: 'object',
                          properties: { example: { $ref: '#/components/schemas/Member' } },
                          default: { $ref: 'https://api.example.com/default' },
                          examples: [{ $ref: 'https://api.example.com/a' }],
                        },
                        example: { members: [{ $ref: 'https://api.example.com/Users/1' }] },
                        examples: { listed: { $ref: '#/components/examples/group' } },
                      },
                    },
                  },
                },
              },
            },
          },
          components: {
            schemas: { Member: { type: 'object', enum: [{ $ref: '#/nowhere' }], const: { $ref: '#/nowhere' } } },
            examples: { group: { value: { members: [{ $ref: 'https://api.example.com/Users/2' }] } } },
          },
        }),
      }),
      { fetch },
    );
    const media = spec.operations[0]?.responses[0]?.content[0];
    expect(media?.example).toEqual({ members: [{ $ref: 'https://api.example.com/Users/1' }] });
    expect(media?.examples).toEqual([{ members: [{ $ref: 'https://api.example.com/Users/2' }] }, { $ref: 'https://api.example.com/a' }]);
    expect(at(media?.schema, 'properties', 'example')).toMatchObject({ type: 'object', enum: [{ $ref: '#/nowhere' }] });
    expect(at(media?.schema, 'default')).toEqual({ $ref: 'https://api.example.com/default' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('circular and sibling refs', () => {
  it('loads self- and mutually-referencing schemas as circular graphs', async () => {
    const spec = await loadSpec(
      files({
        'openapi.yaml': `openapi: 3.0.0
info: {}
paths: {}
components:
  schemas:
    Node: { type: object, properties: { next: { $ref: '#/components/schemas/Node' }, owner: { $ref: '#/components/schemas/Owner' } } }
    Owner: { type: object, properties: { nodes: { type: array, items: { $ref: '#/components/schemas/Node' } } } }
`,
      }),
    );
    const node = at(spec.document, 'components', 'schemas', 'Node');
    expect(at(node, 'properties', 'next')).toBe(node);
    expect(at(node, 'properties', 'owner', 'properties', 'nodes', 'items')).toBe(node);
  });

  it('rejects references that only point at each other', async () => {
    const error = await loadError(
      files({
        'openapi.yaml': `openapi: 3.0.0
info: {}
paths: {}
components:
  schemas:
    A: { $ref: '#/components/schemas/B' }
    B: { $ref: '#/components/schemas/A' }
`,
      }),
    );
    expect(error.message).toMatch(/openapi\.yaml#\/components\/schemas\/[AB]: \$ref "#\/components\/schemas\/[AB]" leads back to itself/);
  });

  it('adds the siblings of a $ref (3.1 description, JSON Schema keywords) to a copy of the target', async () => {
    const spec = await loadSpec(
      files({
        'openapi.yaml': `openapi: 3.1.0
info: {}
paths:
  /a:
    get:
      parameters:
        - $ref: '#/components/parameters/Q'
          description: local words
components:
  parameters:
    Q: { name: q, in: query, description: shared words, schema: { type: string } }
`,
      }),
    );
    expect(spec.operations[0]?.parameters).toEqual([{ name: 'q', in: 'query', required: false, schema: { type: 'string' } }]);
    expect(at(spec.document, 'paths', '/a', 'get', 'parameters', '0').description).toBe('local words');
    expect(at(spec.document, 'components', 'parameters', 'Q').description).toBe('shared words');
  });
});

describe('broken documents', () => {
  it.each([
    ['invalid YAML', 'api.yaml', 'openapi: 3.0.0\npaths:\n  /a: [1, 2\n', /api\.yaml:4:1: invalid YAML: .+/],
    ['duplicate YAML keys', 'api.yaml', 'openapi: 3.0.0\nopenapi: 3.1.0\n', /api\.yaml:2:1: invalid YAML: Map keys must be unique/],
    ['invalid JSON', 'api.json', '{\n  "openapi": "3.0.0",\n  "paths": {,}\n}', /api\.json:3:13: invalid JSON: .+/],
    ['a document that is a list', 'api.yaml', '- openapi: 3.0.0\n', /api\.yaml#: the document must be an object, found array/],
    ['an empty file', 'api.yaml', '', /api\.yaml#: the document must be an object, found null/],
    ['an HTML page', 'api.yaml', '<html><body>hello</body></html>', /api\.yaml#: the document must be an object, found string/],
    ['no version', 'api.yaml', 'info: { title: x }\npaths: {}\n', /api\.yaml#: no `openapi` or `swagger` version field/],
    ['a YAML number as version', 'api.yaml', 'swagger: 2.0\npaths: {}\n', /api\.yaml#\/swagger: the version must be a string, found the number 2/],
    ['paths that is not an object', 'api.yaml', 'openapi: 3.0.0\npaths: [a]\n', /api\.yaml#\/paths: paths must be an object/],
    ['an operation that is not an object', 'api.yaml', 'openapi: 3.0.0\npaths:\n  /a:\n    get: yes\n', /api\.yaml#\/paths\/~1a\/get: an operation must be an object, found string/],
    [
      'a dangling $ref in paths',
      'api.yaml',
      "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/Gone' }\ncomponents: { responses: {} }\n",
      /api\.yaml#\/paths\/~1a\/get\/responses\/200: \$ref "#\/components\/responses\/Gone" cannot be resolved: .*api\.yaml#\/components\/responses has no "Gone"/,
    ],
    [
      'a dangling $ref in components',
      'api.yaml',
      "openapi: 3.0.0\npaths: {}\ncomponents:\n  schemas:\n    A: { properties: { b: { $ref: '#/components/schemas/B' } } }\n",
      /api\.yaml#\/components\/schemas\/A\/properties\/b: \$ref "#\/components\/schemas\/B" cannot be resolved/,
    ],
    [
      'a $ref with an anchor instead of a pointer',
      'api.yaml',
      "openapi: 3.1.0\npaths:\n  /a: { $ref: '#item' }\n",
      /api\.yaml#\/paths\/~1a: \$ref "#item" cannot be resolved: "#item" is not a JSON pointer/,
    ],
  ])('rejects %s, naming the file and where', async (_case, name, text, message) => {
    const error = await loadError(files({ [name]: text }));
    expect(error.code).toBe('SPECGATE_SPEC_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n\s+at /);
  });
});
