import { mediaType } from '../../http/exchange.js';
import { SchemaValidator } from '../../schema/validator.js';
import type { ApiSpec, ResponseSpec } from '../../spec/model.js';
import type { CheckDefinition } from '../check.js';
import { errored, fail, pass, skip } from '../result.js';
import { documentedMedia, documentedResponse, isJsonMediaType } from './documented.js';
import { onPrimaryResponse } from './primary-guard.js';

const validators = new WeakMap<ApiSpec, SchemaValidator>();

/** Response headers the document marks required that the response lacks (Content-Type is the media type's, not a header's). */
function missingHeaders(documented: ResponseSpec, headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(documented.headers)
    .filter(([name, header]) => header.required && name.toLowerCase() !== 'content-type' && headers[name.toLowerCase()] === undefined)
    .map(([name]) => name);
}

/** One validator per loaded spec, so each schema compiles once per run. */
export function validatorFor(spec: ApiSpec): SchemaValidator {
  let validator = validators.get(spec);
  if (!validator) validators.set(spec, (validator = new SchemaValidator(spec.openapi)));
  return validator;
}

export const responseSchema: CheckDefinition = {
  id: 'paths.response-schema',
  family: 'paths',
  title: 'The response body matches its documented schema',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: 'A JSON response body validates against the schema documented for its status and media type (JSON Schema 2020-12 for OpenAPI 3.1; nullable and draft-04 bounds for 3.0; writeOnly properties not required), and the response carries every header the document marks required for that status (a Location on a 201, say).',
    why: 'Typed clients deserialise by the schema; a missing required field or a wrong type fails at runtime in every consumer.',
    references: ['OpenAPI Specification, Schema Object', 'JSON Schema 2020-12 Validation'],
    fix: 'Make the serializer produce the documented shape, or correct the schema.',
  },
  run: onPrimaryResponse(({ operation, exchange, ctx }) => {
    const { status, body } = exchange.response;
    const documented = documentedResponse(operation, status);
    const missing = documented ? missingHeaders(documented, exchange.response.headers) : [];
    if (missing.length > 0) {
      return [
        fail(
          `${status} came without ${missing.join(', ')}, which the document marks required for ${documented!.status} (OpenAPI Header Object: required)`,
          `set ${missing.join(', ')} on ${status} responses of ${operation.key} (e.g. Location with the URL of the created resource), or drop required from the document`,
          { exchange },
        ),
      ];
    }
    const actual = mediaType(exchange.response);
    const media = documented ? documentedMedia(documented, actual) : undefined;
    if (documented && documented.content.length === 0 && body === '') return [pass(`${status} has no body, as documented`, { exchange })];
    if (!media?.schema) return [skip(`no schema is documented for ${status} ${actual || ''}`.trim(), 'a response schema in the document')];
    if (!isJsonMediaType(actual)) return [skip(`${actual} bodies are not validated (JSON only)`, 'a JSON media type')];
    if (exchange.response.truncated) return [skip('the body was larger than the capture limit, so it cannot be validated whole', 'a smaller page size in fixtures')];
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return [fail(`${status} says ${actual} but the body is not valid JSON`, 'serialise the body as JSON, or fix Content-Type', { exchange })];
    }
    const verdict = validatorFor(ctx.spec).validate(media.schema, value, 'response');
    if (verdict instanceof Error) return [errored(`the documented schema could not be compiled: ${verdict.message}`)];
    if (verdict.valid) return [pass(`${status} body matches the ${documented!.status} schema`, { exchange })];
    return [
      fail(
        `${status} body does not match the documented ${documented!.status} schema: ${verdict.errors.join('; ')}`,
        'change the serializer to produce the documented shape, or update the schema in the document',
        { exchange },
      ),
    ];
  }),
};
