import { examplesOf, mediaTypeOf, mediaTypes, schemaOf } from './content.js';
import type { SpecContext } from './context.js';
import type { Parameter, ParameterLocation, RequestBody, Schema } from './model.js';
import { specInvalid } from './problem.js';
import { asRecord, isRecord, kindOf, type JsonObject } from './record.js';
import { swaggerMediaTypes, swaggerSchema, swaggerStyle } from './swagger2.js';

/** An object of the document with its JSON pointer, for messages. */
export interface Located {
  value: JsonObject;
  pointer: string;
}

/** What a request carries: parameters and, maybe, a body. */
export interface OperationInputs {
  parameters: Parameter[];
  requestBody?: RequestBody;
}

// A Parameter object whose `name` and `in` were checked.
type RawParameter = JsonObject & { name: string; in: string };

const LOCATIONS = ['path', 'query', 'header', 'cookie'];
const SWAGGER2_LOCATIONS = ['path', 'query', 'header', 'body', 'formData'];
const URLENCODED = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/**
 * The parameters and request body of an operation. Path-level parameters come first and an
 * operation parameter with the same name and location replaces its path-level one. Swagger 2.0
 * `in: body` and `in: formData` parameters become the request body.
 */
export function operationInputs(context: SpecContext, item: Located, operation: Located): OperationInputs {
  const merged = new Map<string, RawParameter>();
  for (const parameter of [...listParameters(context, item), ...listParameters(context, operation)]) {
    merged.set(`${parameter.in}\n${parameter.name}`, parameter);
  }
  const raws = [...merged.values()];
  const parameters = raws.filter((raw) => LOCATIONS.includes(raw.in)).map((raw) => toParameter(context, raw));
  const requestBody = context.swagger2 ? swaggerBody(context, operation.value, raws) : openApiBody(operation.value.requestBody);
  return requestBody ? { parameters, requestBody } : { parameters };
}

function listParameters(context: SpecContext, owner: Located): RawParameter[] {
  const { parameters } = owner.value;
  if (parameters === undefined) return [];
  const pointer = `${owner.pointer}/parameters`;
  if (!Array.isArray(parameters)) {
    throw specInvalid(context.source, pointer, `parameters must be an array, found ${kindOf(parameters)}`, 'list the parameters as an array of Parameter objects');
  }
  const locations = context.swagger2 ? SWAGGER2_LOCATIONS : LOCATIONS;
  return parameters.map((parameter: unknown, index) => {
    if (isRecord(parameter) && typeof parameter.name === 'string' && typeof parameter.in === 'string' && locations.includes(parameter.in)) {
      return parameter as RawParameter;
    }
    throw specInvalid(
      context.source,
      `${pointer}/${index}`,
      `a parameter must be an object with a string "name" and "in" one of ${locations.join(', ')}`,
      'fix the parameter, or the $ref that should point at it',
    );
  });
}

function toParameter(context: SpecContext, raw: RawParameter): Parameter {
  const location = raw.in as ParameterLocation;
  const parameter: Parameter = { name: raw.name, in: location, required: location === 'path' || raw.required === true };
  // An OpenAPI 3 parameter may describe its value with a single-entry `content` map instead of `schema`.
  const [media] = Object.values(asRecord(raw.content)).filter(isRecord);
  const owner = media ? { ...media, ...raw } : raw;
  const schema = context.swagger2 ? swaggerSchema(raw) : schemaOf(owner.schema);
  if (schema) parameter.schema = schema;
  Object.assign(parameter, examplesOf(owner, schema));
  const style = context.swagger2 ? swaggerStyle(raw) : { style: raw.style, explode: raw.explode };
  if (typeof style?.style === 'string') parameter.style = style.style;
  if (typeof style?.explode === 'boolean') parameter.explode = style.explode;
  return parameter;
}

function openApiBody(value: unknown): RequestBody | undefined {
  if (!isRecord(value)) return undefined;
  return { required: value.required === true, content: mediaTypes(value.content) };
}

function swaggerBody(context: SpecContext, operation: JsonObject, raws: RawParameter[]): RequestBody | undefined {
  const consumes = swaggerMediaTypes(operation, context.document, 'consumes');
  const body = raws.find((raw) => raw.in === 'body');
  if (body) return { required: body.required === true, content: consumes.map((type) => mediaTypeOf(type, { schema: body.schema })) };
  const fields = raws.filter((raw) => raw.in === 'formData');
  if (fields.length === 0) return undefined;
  const formTypes = consumes.filter((type) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type));
  const types = formTypes.length > 0 ? formTypes : [fields.some((field) => field.type === 'file') ? MULTIPART : URLENCODED];
  const required = fields.filter((field) => field.required === true).map((field) => field.name);
  const schema: Schema = {
    type: 'object',
    properties: Object.fromEntries(fields.map((field) => [field.name, swaggerSchema(field)])),
    ...(required.length > 0 && { required }),
  };
  return { required: required.length > 0, content: types.map((type) => mediaTypeOf(type, { schema })) };
}
