import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Schema } from '../spec/model.js';
import { toJsonSchema, type Direction } from './to-json-schema.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface SchemaVerdict {
  valid: boolean;
  /** Up to five problems as `pointer: message`. */
  errors: string[];
}

/** Validates JSON values against OpenAPI schemas, compiling each schema once. */
export class SchemaValidator {
  readonly #ajv: Ajv;
  readonly #openapi: string;
  readonly #compiled = new WeakMap<object, Map<Direction, ValidateFunction | Error>>();

  constructor(openapi: string) {
    this.#openapi = openapi;
    const options = { strict: false, allErrors: true, validateFormats: true, logger: false } as const;
    this.#ajv = openapi.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.#ajv);
  }

  validate(schema: Schema, value: unknown, direction: Direction): SchemaVerdict | Error {
    const validate = this.#compile(schema, direction);
    if (validate instanceof Error) return validate;
    if (validate(value)) return { valid: true, errors: [] };
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
    return { valid: false, errors };
  }

  #compile(schema: Schema, direction: Direction): ValidateFunction | Error {
    let byDirection = this.#compiled.get(schema);
    if (!byDirection) this.#compiled.set(schema, (byDirection = new Map()));
    let compiled = byDirection.get(direction);
    if (!compiled) {
      try {
        compiled = this.#ajv.compile(toJsonSchema(schema, { direction, openapi: this.#openapi }));
      } catch (error) {
        compiled = error instanceof Error ? error : new Error(String(error));
      }
      byDirection.set(direction, compiled);
    }
    return compiled;
  }
}
