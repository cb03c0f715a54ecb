import { mediaTypeOf, mediaTypes, schemaOf } from './content.js';
import type { SpecContext } from './context.js';
import type { MediaType, ResponseSpec } from './model.js';
import type { Located } from './parameters.js';
import { toPointer } from './pointer.js';
import { specInvalid } from './problem.js';
import { asRecord, isRecord, kindOf, type JsonObject } from './record.js';
import { swaggerMediaTypes, swaggerSchema } from './swagger2.js';

/** The documented responses of an operation, keyed by status exactly as written (`200`, `2XX`, `default`). */
export function responsesOf(context: SpecContext, operation: Located): ResponseSpec[] {
  const { responses } = operation.value;
  if (responses === undefined) return [];
  const pointer = `${operation.pointer}/responses`;
  if (!isRecord(responses)) {
    throw specInvalid(context.source, pointer, `responses must be an object keyed by status code, found ${kindOf(responses)}`, 'write responses as `"200": { description: … }`');
  }
  return Object.entries(responses)
    .filter(([status]) => !status.startsWith('x-'))
    .map(([status, raw]) => {
      if (!isRecord(raw)) {
        throw specInvalid(context.source, pointer + toPointer([status]), `a response must be an object, found ${kindOf(raw)}`, 'fix the response, or the $ref that should point at it');
      }
      const response: ResponseSpec = {
        status,
        content: context.swagger2 ? swaggerContent(context, operation.value, raw) : mediaTypes(raw.content),
        headers: headersOf(context, raw.headers),
      };
      if (typeof raw.description === 'string') response.description = raw.description;
      return response;
    });
}

// A Swagger 2.0 response body: its `schema` in every type the operation `produces`.
function swaggerContent(context: SpecContext, operation: JsonObject, response: JsonObject): MediaType[] {
  if (!isRecord(response.schema)) return [];
  const examples = asRecord(response.examples);
  return swaggerMediaTypes(operation, context.document, 'produces').map((type) =>
    mediaTypeOf(type, { schema: response.schema, ...(Object.hasOwn(examples, type) && { example: examples[type] }) }),
  );
}

function headersOf(context: SpecContext, value: unknown): ResponseSpec['headers'] {
  const headers: ResponseSpec['headers'] = {};
  for (const [name, raw] of Object.entries(asRecord(value))) {
    if (!isRecord(raw)) continue;
    const schema = context.swagger2 ? swaggerSchema(raw) : (schemaOf(raw.schema) ?? mediaTypes(raw.content)[0]?.schema);
    headers[name] = { required: raw.required === true, ...(schema && { schema }) };
  }
  return headers;
}
