import type { MediaType, Schema } from './model.js';
import { asRecord, isRecord, type JsonObject } from './record.js';

/** The example fields shared by parameters and media types. */
export interface ExampleFields {
  example?: unknown;
  examples?: unknown[];
}

/** A schema, when the value is one. */
export function schemaOf(value: unknown): Schema | undefined {
  return isRecord(value) ? value : undefined;
}

/**
 * The examples of a parameter or media type. `example` is its own `example`, else its schema's;
 * `examples` lists the values of its Example objects, then its schema's `examples` (JSON Schema).
 */
export function examplesOf(owner: JsonObject, schema: Schema | undefined): ExampleFields {
  const fields: ExampleFields = {};
  const example = 'example' in owner ? owner.example : schema?.example;
  if (example !== undefined) fields.example = example;
  const examples = [...exampleValues(owner.examples), ...(Array.isArray(schema?.examples) ? schema.examples : [])];
  if (examples.length > 0) fields.examples = examples;
  return fields;
}

/** A Media Type object (`{ schema, example, examples }`) as a MediaType. */
export function mediaTypeOf(type: string, raw: JsonObject): MediaType {
  const schema = schemaOf(raw.schema);
  return { type, ...(schema && { schema }), ...examplesOf(raw, schema) };
}

/** The media types of an OpenAPI 3 `content` map, in document order. */
export function mediaTypes(content: unknown): MediaType[] {
  return Object.entries(asRecord(content)).map(([type, raw]) => mediaTypeOf(type, asRecord(raw)));
}

function exampleValues(examples: unknown): unknown[] {
  return Object.values(asRecord(examples))
    .filter(isRecord)
    .filter((example) => 'value' in example)
    .map((example) => example.value);
}
