import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiSpec, Operation } from '../../src/spec/model.js';
import { readCorpusIndex, SPECS_DIR } from './corpus-index.js';

const corpus = readCorpusIndex();
const loaded = new Map<string, Promise<ApiSpec>>();

// Each corpus document is loaded once per test file, whichever test asks first.
function corpusSpec(relative: string): Promise<ApiSpec> {
  let spec = loaded.get(relative);
  if (!spec) {
    spec = loadSpec(path.join(SPECS_DIR, relative));
    loaded.set(relative, spec);
  }
  return spec;
}

async function operation(relative: string, key: string): Promise<Operation> {
  const found = (await corpusSpec(relative)).operations.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`${relative} has no operation ${key}`);
  return found;
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): Json =>
  keys.reduce<Json>((current, key) => current[key] as Json, value as Json);

describe('the corpus in ../shared/specs', () => {
  it('INDEX.md lists 24 root documents, all present', () => {
    expect(corpus).toHaveLength(24);
    for (const document of corpus) expect(existsSync(document.file), document.path).toBe(true);
  });

  it.each(corpus.map((document) => [document.path, document.operations] as const))(
    '%s loads with the %i operations INDEX.md counts',
    async (relative, operations) => {
      const spec = await corpusSpec(relative);
      expect(spec.operations).toHaveLength(operations);
      expect(new Set(spec.operations.map((op) => op.key)).size).toBe(operations);
    },
  );
});

describe('corpus specifics', () => {
  it('JSON and YAML forms of the same document normalise alike', async () => {
    const json = await corpusSpec('oai/v3.0/petstore.json');
    const yaml = await corpusSpec('oai/v3.0/petstore.yaml');
    expect(json.operations).toEqual(yaml.operations);
  });

  it('keeps literal $ref keys inside GitHub example values as data', async () => {
    const spec = await corpusSpec('github/api.github.com.json');
    const member = at(spec.document, 'components', 'examples', 'scim-enterprise-group-list', 'value', 'Resources', '0', 'members', '0');
    expect(member.$ref).toBe('https://api.github.com/scim/v2/enterprises/octo-corp/Users/92b58aaa-a1d6-11ea-8227-b9ce9e023ccc');
    expect(spec.securitySchemes).toEqual({});
    expect(spec.operations.every((op) => op.security.length === 0)).toBe(true);
  });

  it('follows relative refs into files with braces in their names, and keeps dangling refs of x-codeSamples', async () => {
    const spec = await corpusSpec('redocly-openapi-starter/openapi/openapi.yaml');
    const list = await operation('redocly-openapi-starter/openapi/openapi.yaml', 'GET /menu');
    expect(list.parameters.map((p) => p.name)).toEqual(['after', 'before', 'sort', 'filter', 'search', 'limit']);
    expect(list.security).toEqual([[]]);
    expect(list.extensions['x-codeSamples']).toEqual([
      { lang: 'C#', label: 'C#', source: { $ref: '../code_samples/C_sharp/menu/get.cs' } },
      { lang: 'PHP', label: 'PHP', source: { $ref: '../code_samples/PHP/menu/get.php' } },
    ]);
    const item = await operation('redocly-openapi-starter/openapi/openapi.yaml', 'DELETE /menu/{menuItemId}');
    expect(item.parameters).toMatchObject([{ name: 'menuItemId', in: 'path', required: true }]);
    expect(item.security).toEqual([[{ scheme: 'OAuth2', scopes: ['menu:write'] }]]);
    expect(spec.operations.some((op) => op.path.includes('order-notification'))).toBe(false);
  });

  it('resolves Swagger 2.0 refs into sibling and parent-directory files', async () => {
    const list = await operation('oai/v2.0/petstore-separate/spec/swagger.yaml', 'GET /pets');
    expect(list.parameters.map((p) => p.name)).toEqual(['tags', 'limit']);
    expect(list.responses.find((r) => r.status === 'default')?.content[0]?.schema).toMatchObject({ required: ['code', 'message'] });
  });

  it('turns circular schemas into circular object graphs', async () => {
    const holidays = (await corpusSpec('apis-guru/canada-holidays.ca/1.0/openapi.yaml')).document;
    const holiday = at(holidays, 'components', 'schemas', 'Holiday');
    const province = at(holidays, 'components', 'schemas', 'Province');
    expect(at(holiday, 'properties', 'provinces', 'items')).toBe(province);
    expect(at(province, 'properties', 'nextHoliday')).toBe(holiday);

    const kubernetes = (await corpusSpec('kubernetes/swagger.json')).document;
    const props = at(kubernetes, 'definitions', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps');
    expect(at(props, 'properties', 'not')).toBe(props);

    const stripe = (await corpusSpec('stripe/spec3.json')).document;
    const file = at(stripe, 'components', 'schemas', 'file');
    const fileLink = at(stripe, 'components', 'schemas', 'file_link');
    expect(at(file, 'properties', 'links', 'properties', 'data', 'items')).toBe(fileLink);
    expect((at(fileLink, 'properties', 'file').anyOf as unknown[])[1]).toBe(file);
  });

  it('reads Kubernetes security and Swagger 2.0 patch content types', async () => {
    const spec = await corpusSpec('kubernetes/swagger.json');
    expect(spec.securitySchemes.BearerToken).toEqual({ name: 'BearerToken', type: 'apiKey', in: 'header', paramName: 'authorization' });
    const patch = spec.operations.find((op) => op.method === 'patch');
    expect(patch?.requestBody?.content.map((media) => media.type)).toContain('application/merge-patch+json');
  });

  it('keeps security alternatives and merges path-level parameters given by $ref', async () => {
    const put = await operation('learn.openapis.org/v3.1/tictactoe.yaml', 'PUT /board/{row}/{column}');
    expect(put.security).toEqual([
      [{ scheme: 'bearerHttpAuthentication', scopes: [] }],
      [{ scheme: 'user2AppOauth', scopes: ['board:write'] }],
    ]);
    expect(put.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:row', 'path:column', 'header:progressUrl']);
  });

  it('reads OpenAPI 3.1 scopes on a bearer scheme and an operation without responses', async () => {
    const [only] = (await corpusSpec('oai/v3.1/non-oauth-scopes.yaml')).operations;
    expect(only?.responses).toEqual([]);
    expect(only?.security[0]?.[0]?.scopes.length).toBeGreaterThan(0);
  });

  it('fills server variables with their defaults', async () => {
    expect((await corpusSpec('oai/v3.0/uspto.yaml')).serverPath).toBe('/ds-api');
  });

  it('keeps Swagger 2.0 apiKey-in-query and oauth2 as alternatives', async () => {
    const spec = await corpusSpec('apis-guru/instagram.com/1.0.0/swagger.yaml');
    expect(spec.securitySchemes.api_key).toEqual({ name: 'api_key', type: 'apiKey', in: 'query', paramName: 'access_token' });
    expect(spec.operations[0]?.security.map((alternative) => alternative[0]?.scheme)).toEqual(['api_key', 'instagram_auth']);
    expect(spec.serverPath).toBe('/v1');
  });

  it('reads unquoted YAML dates in examples as strings (YAML 1.2), and leaves webhooks out', async () => {
    const spec = await corpusSpec('openai/openapi.yaml');
    const example = at(spec.document, 'components', 'schemas', 'ChatSessionResource', 'example', 'workflow');
    expect(example.version).toBe('2024-10-01');
    expect(spec.operations.some((op) => op.key.startsWith('POST ') && op.path.startsWith('/webhook'))).toBe(false);
  });
});
