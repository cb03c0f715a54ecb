import { specInvalid } from './problem.js';
import { isRecord, kindOf, type JsonObject } from './record.js';

const VERSION_HINT = 'start the document with `openapi: 3.1.0` (or 3.0.x, or `swagger: "2.0"`)';

/** Checks that a parsed document is an object, so it can be dereferenced and normalised. */
export function asDocumentRoot(value: unknown, file: string): JsonObject {
  if (isRecord(value)) return value;
  throw specInvalid(file, '', `the document must be an object, found ${kindOf(value)}`, `is this an API description? ${VERSION_HINT}`);
}

/** The document's `openapi` or `swagger` version: 2.0, 3.0.x or 3.1.x. */
export function readVersion(document: JsonObject, file: string): string {
  const field = 'openapi' in document ? 'openapi' : 'swagger' in document ? 'swagger' : undefined;
  if (field === undefined) {
    throw specInvalid(file, '', 'no `openapi` or `swagger` version field: this is not an OpenAPI or Swagger document', VERSION_HINT);
  }
  const version = document[field];
  if (typeof version !== 'string') {
    const found = typeof version === 'number' ? `the number ${version}` : kindOf(version);
    throw specInvalid(file, `/${field}`, `the version must be a string, found ${found}`, `quote the version, e.g. \`${field}: "${field === 'swagger' ? '2.0' : '3.0.3'}"\``);
  }
  const supported = field === 'swagger' ? version === '2.0' : /^3\.[01]\.\d+$/.test(version);
  if (!supported) {
    throw specInvalid(file, `/${field}`, `version ${version} is not supported; specgate reads Swagger 2.0 and OpenAPI 3.0.x and 3.1.x`, 'convert the document to OpenAPI 3.1 or 3.0');
  }
  return version;
}
