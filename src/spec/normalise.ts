import type { SpecContext } from './context.js';
import { HTTP_METHODS, type ApiSpec, type HttpMethod, type Operation } from './model.js';
import { operationInputs, type Located } from './parameters.js';
import { toPointer } from './pointer.js';
import { specInvalid } from './problem.js';
import { asRecord, extensionsOf, isRecord, kindOf, stringList, type JsonObject } from './record.js';
import { responsesOf } from './responses.js';
import { effectiveSecurity, securitySchemesOf } from './security.js';
import { basePathOf, serverPathOf } from './servers.js';
import { readVersion } from './shape.js';

/**
 * Normalises a dereferenced Swagger 2.0 / OpenAPI 3.0 / 3.1 document: one Operation per path × HTTP
 * method, in document order (webhooks and callbacks are not operations).
 *
 * @param source - the document's file path or URL, named in messages; a relative server URL is resolved against it when it is a URL.
 * @throws UsageError SPECGATE_SPEC_INVALID naming `source` and the JSON pointer of a malformed part.
 */
export function normaliseDocument(document: JsonObject, source: string): ApiSpec {
  const version = readVersion(document, source);
  const context: SpecContext = { document, source, swagger2: version === '2.0' };
  const serverPath = context.swagger2 ? basePathOf(document.basePath) : (serverPathOf(document.servers, source, '/servers') ?? '');
  const info = asRecord(document.info);
  return {
    source,
    openapi: version,
    title: text(info.title),
    version: text(info.version),
    serverPath,
    operations: operationsOf(context, serverPath),
    securitySchemes: securitySchemesOf(context),
    document,
  };
}

function operationsOf(context: SpecContext, serverPath: string): Operation[] {
  const { paths } = context.document;
  if (paths === undefined) return [];
  if (!isRecord(paths)) {
    throw specInvalid(context.source, '/paths', `paths must be an object keyed by path template, found ${kindOf(paths)}`, 'write paths as `/pets: { get: … }`');
  }
  const operations: Operation[] = [];
  for (const [path, value] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue;
    const itemPointer = toPointer(['paths', path]);
    const item: Located = { value: asObject(context, value, itemPointer, 'a path item'), pointer: itemPointer };
    const itemServerPath = context.swagger2 ? serverPath : (serverPathOf(item.value.servers, context.source, `${item.pointer}/servers`) ?? serverPath);
    for (const [method, raw] of Object.entries(item.value)) {
      if (!isHttpMethod(method)) continue;
      const pointer = `${item.pointer}/${method}`;
      const operation: Located = { value: asObject(context, raw, pointer, 'an operation'), pointer };
      const operationServerPath = context.swagger2 ? serverPath : (serverPathOf(operation.value.servers, context.source, `${pointer}/servers`) ?? itemServerPath);
      operations.push(normaliseOperation(context, path, method, item, operation, operationServerPath));
    }
  }
  return operations;
}

function normaliseOperation(context: SpecContext, path: string, method: HttpMethod, item: Located, located: Located, serverPath: string): Operation {
  const operation = located.value;
  const result: Operation = {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    tags: stringList(operation.tags) ?? [],
    deprecated: operation.deprecated === true,
    ...operationInputs(context, item, located),
    responses: responsesOf(context, located),
    security: effectiveSecurity(operation, context.document),
    serverPath,
    extensions: { ...extensionsOf(item.value), ...extensionsOf(operation) },
  };
  if (typeof operation.operationId === 'string') result.operationId = operation.operationId;
  if (typeof operation.summary === 'string') result.summary = operation.summary;
  return result;
}

function asObject(context: SpecContext, value: unknown, pointer: string, what: string): JsonObject {
  if (isRecord(value)) return value;
  throw specInvalid(context.source, pointer, `${what} must be an object, found ${kindOf(value)}`, `fix ${what}, or the $ref that should point at it`);
}

function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
