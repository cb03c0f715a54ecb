import type { OutgoingRequest } from '../../http/exchange.js';
import type { Operation } from '../../spec/model.js';
import { mediaTypeMatches } from '../paths/documented.js';
import { essenceOf, requestSchema, requiredNames, writableProperties } from './request-schema.js';
import { wrongBodyValue, wrongPathValue } from './wrong-value.js';

/** One request that gets something wrong on purpose, and the statuses a correct API answers it with. */
export interface Probe {
  /** What is wrong with it, for messages: `a malformed JSON body`. */
  label: string;
  request: OutgoingRequest;
  expected: readonly number[];
  hint: string;
}

const UNSUPPORTED_TYPES = ['text/plain', 'application/xml', 'application/octet-stream'];
const MALFORMED_JSON = '{"specgate": "malformed JSON",';

/** Whether an operation takes any input a probe can get wrong: a body, or a path parameter with a type. */
export function hasInputToBreak(operation: Operation): boolean {
  return operation.requestBody !== undefined || operation.parameters.some((p) => p.in === 'path' && wrongPathValue(p.schema) !== undefined);
}

/**
 * The bad-input probes for an operation, each a copy of a valid request with one thing wrong: malformed
 * JSON, an undocumented Content-Type, a required field left out, a field of the wrong type, a path parameter
 * of the wrong type. At most five.
 */
export function badInputProbes(operation: Operation, valid: OutgoingRequest): Probe[] {
  return [malformedJson, unsupportedMediaType, missingField, wrongFieldType, wrongPathParameter].flatMap((make) => make(operation, valid) ?? []);
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

function wrongPathParameter(operation: Operation, valid: OutgoingRequest): Probe | undefined {
  const template = operation.path.split('/');
  const [pathname = '', query] = splitQuery(valid.path);
  const segments = pathname.split('/');
  const offset = segments.length - template.length;
  if (offset < 0) return undefined;
  for (const param of operation.parameters.filter((p) => p.in === 'path')) {
    const value = wrongPathValue(param.schema);
    const index = template.indexOf(`{${param.name}}`);
    if (value === undefined || index === -1) continue;
    segments[offset + index] = value;
    return {
      label: `path parameter ${param.name} = "${value}"`,
      request: { ...valid, path: `${segments.join('/')}${query === undefined ? '' : `?${query}`}` },
      expected: [400, 404, 422],
      hint: `validate ${param.name} (type, format) before looking anything up, and answer 400, 404 or 422`,
    };
  }
  return undefined;
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
