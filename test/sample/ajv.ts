import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Schema } from '../../src/spec/model.js';
import { toValidatable, type Dialect } from './validatable.js';

// ajv-formats is CommonJS whose module.exports is the plugin itself, while its typings declare an ES default export.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const OPTIONS: Options = { strict: false, logger: false, validateSchema: false, allErrors: false, code: { optimize: false } };
const ID = 'urn:specgate:test';

/** The dialect ajv should read a document's schemas in: 2020-12 for OpenAPI 3.1, draft-07 otherwise. */
export function dialectOf(openapi: string): Dialect {
  return openapi.startsWith('3.1') ? '2020-12' : 'draft-07';
}

/** One validator per schema, compiled together so that shared and circular subschemas compile once. */
export function compileValidators(schemas: Schema[], dialect: Dialect): ValidateFunction[] {
  const ajv = dialect === '2020-12' ? new Ajv2020(OPTIONS) : new Ajv(OPTIONS);
  addFormats(ajv);
  const { schema, refs } = toValidatable(schemas, dialect);
  ajv.addSchema({ ...schema, $id: ID });
  return refs.map((ref) => {
    const validate = ajv.getSchema(`${ID}${ref}`);
    if (!validate) throw new Error(`ajv has no schema at ${ref}`);
    return validate;
  });
}
