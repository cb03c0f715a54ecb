import type { OutgoingRequest } from '../../http/exchange.js';
import { isObject } from '../../errors-format/object.js';
import type { Operation, Schema } from '../../spec/model.js';
import { mediaTypeMatches } from '../paths/documented.js';
import { declaredType, essenceOf, requestSchema, requiredNames, writableProperties } from './request-schema.js';
import { wrongBodyValue, wrongPathValue } from './wrong-value.js';

/** One request that gets something wrong on purpose, and the statuses a correct API answers it with. */
export interface Probe {
  /** What is wrong with it, for messages: `a malformed JSON body`. */
  label: string;
  request: OutgoingRequest;
  expected: readonly number[];
  /** A 2xx is fine too: the API may ignore a query value it cannot use (a page size falling back to its default). */
  ignorable?: boolean;
  hint: string;
}

const UNSUPPORTED_TYPES = ['text/plain', 'application/xml', 'application/octet-stream'];
const MAX_QUERY_PROBES = 3;
const MALFORMED_JSON = '{"specgate": "malformed JSON",';

/** Whether an operation takes any input a probe can get wrong: a body, or a path or query parameter with a type. */
export function hasInputToBreak(operation: Operation): boolean {
  return (
    operation.requestBody !== undefined ||
    operation.parameters.some((p) => (p.in === 'path' && wrongPathValue(p.schema) !== undefined) || (p.in === 'query' && wrongQueryValue(p.schema) !== undefined))
  );
}

/**
 * The bad-input probes for an operation, each a copy of a valid request with one thing wrong: malformed
 * JSON, an undocumented Content-Type, a required field left out, a field of the wrong type, each typed path
 * parameter of the wrong type, and up to three typed query parameters (required or not) of the wrong type.
 */
export function badInputProbes(operation: Operation, valid: OutgoingRequest): Probe[] {
  return [
    ...[malformedJson, unsupportedMediaType, missingField, wrongFieldType].flatMap((make) => make(operation, valid) ?? []),
    ...wrongPathParameters(operation, valid),
    ...wrongQueryParameters(operation, valid),
  ];
}

function malformedJson(_operation: Operation, valid: OutgoingRequest): Probe | undefined {
  if (valid.body === undefined || !isJson(contentType(valid))) return undefined;
  return {
    label: 'a malformed JSON body',
    request: { ...valid, body: MALFORMED_JSON },
    expected: [400, 422],
    hint: 'catch the JSON parser’s error (Express: err.type === "entity.parse.failed") and answer 400 in the API’s error format (RFC 9110 §15.5.1)',
  };
}

function unsupportedMediaType(operation: Operation, valid: OutgoingRequest): Probe | undefined {
  if (valid.body === undefined) return undefined;
  const documented = operation.requestBody?.content.map((media) => media.type) ?? [];
  const type = UNSUPPORTED_TYPES.find((candidate) => !documented.some((doc) => mediaTypeMatches(doc, candidate)));
  if (!type) return undefined;
  return {
    label: `a ${type} body`,
    request: { ...valid, headers: { ...valid.headers, 'content-type': type } },
    expected: [415, 400, 422],
    hint: `answer 415 Unsupported Media Type for bodies in types the operation does not document (RFC 9110 §15.5.16); it takes ${documented.join(', ')}`,
  };
}

function missingField(operation: Operation, valid: OutgoingRequest): Probe | undefined {
  const body = jsonObjectBody(valid);
  const schema = body && requestSchema(operation, contentType(valid));
  if (!body || !schema) return undefined;
  const writable = writableProperties(schema);
  const name = requiredNames(schema).find((required) => Object.hasOwn(body, required) && writable.has(required));
  if (name === undefined) return undefined;
  const { [name]: _left, ...rest } = body;
  return {
    label: `a body without the required "${name}"`,
    request: { ...valid, body: JSON.stringify(rest) },
    expected: [400, 422],
    hint: 'validate request bodies against the documented schema before using them, and answer 400 (or 422) naming the missing field',
  };
}

function wrongFieldType(operation: Operation, valid: OutgoingRequest): Probe | undefined {
  const body = jsonObjectBody(valid);
  const schema = body && requestSchema(operation, contentType(valid));
  if (!body || !schema) return undefined;
  const writable = writableProperties(schema);
  const required = requiredNames(schema);
  const names = [...writable.keys()].filter((name) => Object.hasOwn(body, name)).sort((a, b) => Number(required.includes(b)) - Number(required.includes(a)));
  for (const name of names) {
    const wrong = wrongBodyValue(writable.get(name)!);
    if (!wrong) continue;
    return {
      label: `"${name}" as ${wrong.described}`,
      request: { ...valid, body: JSON.stringify({ ...body, [name]: wrong.value }) },
      expected: [400, 422],
      hint: 'validate field types against the documented schema, and answer 400 (or 422) naming the field',
    };
  }
  return undefined;
}

// One probe per typed path parameter: nested routes often validate the parent ids and look the leaf up unchecked.
function wrongPathParameters(operation: Operation, valid: OutgoingRequest): Probe[] {
  const template = operation.path.split('/');
  const [pathname = '', query] = splitQuery(valid.path);
  const offset = pathname.split('/').length - template.length;
  if (offset < 0) return [];
  return operation.parameters
    .filter((p) => p.in === 'path')
    .flatMap((param): Probe[] => {
      const value = wrongPathValue(param.schema);
      const index = template.indexOf(`{${param.name}}`);
      if (value === undefined || index === -1) return [];
      const segments = pathname.split('/');
      segments[offset + index] = value;
      return [
        {
          label: `path parameter ${param.name} = "${value}"`,
          request: { ...valid, path: `${segments.join('/')}${query === undefined ? '' : `?${query}`}` },
          expected: [400, 404, 422],
          hint: `validate ${param.name} (type, format) before looking anything up, and answer 400, 404 or 422`,
        },
      ];
    });
}

// A query value of the wrong type must not crash the API; rejecting it (400/422; 404 as DRF does for a page),
// or ignoring it (2xx, a default page size), are both fine.
function wrongQueryParameters(operation: Operation, valid: OutgoingRequest): Probe[] {
  const [pathname = '', query] = splitQuery(valid.path);
  return operation.parameters
    .filter((p) => p.in === 'query')
    .flatMap((param): Probe[] => {
      const value = wrongQueryValue(param.schema);
      if (value === undefined) return [];
      const kept = (query ?? '').split('&').filter((pair) => pair !== '' && decodeName(pair) !== param.name);
      const pairs = [...kept, `${encodeURIComponent(param.name)}=${encodeURIComponent(value)}`];
      return [
        {
          label: `query parameter ${param.name} = "${value}"`,
          request: { ...valid, path: `${pathname}?${pairs.join('&')}` },
          expected: [400, 404, 422],
          ignorable: true,
          hint: `validate ${param.name} (type, format) before using it, and answer 400 or 422 — or ignore it — instead of failing`,
        },
      ];
    })
    .slice(0, MAX_QUERY_PROBES);
}

/** A query value that cannot be one of the parameter's type, format or enum (for arrays: of its items); undefined for free-form strings. */
function wrongQueryValue(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  if (declaredType(schema) === 'array') return isObject(schema.items) ? wrongQueryValue(schema.items) : undefined;
  const wrong = wrongPathValue(schema);
  if (wrong !== undefined) return wrong;
  return Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === 'string') ? 'specgate-not-in-enum' : undefined;
}

function decodeName(pair: string): string {
  const name = pair.split('=')[0]!;
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function splitQuery(path: string): [string, string | undefined] {
  const at = path.indexOf('?');
  return at === -1 ? [path, undefined] : [path.slice(0, at), path.slice(at + 1)];
}

function contentType(request: OutgoingRequest): string {
  return Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
}

function isJson(type: string): boolean {
  const essence = essenceOf(type);
  return essence === 'application/json' || essence.endsWith('+json');
}

function jsonObjectBody(request: OutgoingRequest): Record<string, unknown> | undefined {
  if (typeof request.body !== 'string' || !isJson(contentType(request))) return undefined;
  try {
    const value: unknown = JSON.parse(request.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
