import type { Schema } from '../spec/model.js';

export type Direction = 'request' | 'response';

const MAX_NODES = 50_000;

/**
 * Turns a dereferenced OpenAPI schema (an object graph that may share and cycle) into a plain JSON Schema
 * tree: objects reached twice become `$defs` entries behind `$ref`, OpenAPI 3.0 `nullable` becomes a type
 * union, draft-04 boolean exclusive bounds become numbers, and properties the direction never carries
 * (readOnly in requests, writeOnly in responses) stop being required.
 */
export function toJsonSchema(schema: Schema, options: { direction: Direction; openapi: string }): Schema {
  const seen = new Map<object, number>();
  countReferences(schema, seen);
  const shared = new Map<object, string>();
  let next = 0;
  for (const [node, count] of seen) if (count > 1) shared.set(node, `n${next++}`);

  const defs: Record<string, unknown> = {};
  const legacy = !options.openapi.startsWith('3.1');
  const convert = (node: unknown, top: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => convert(item, false));
    if (!isObject(node)) return node;
    const id = shared.get(node);
    if (id !== undefined && !top) {
      if (!(id in defs)) {
        defs[id] = {};
        defs[id] = convert(node, true);
      }
      return { $ref: `#/$defs/${id}` };
    }
    return rewrite(node, (child) => convert(child, false), { ...options, legacy });
  };
  const root = isObject(schema) && shared.has(schema) ? { $ref: `#/$defs/${shared.get(schema)}` } : convert(schema, true);
  if (isObject(schema) && shared.has(schema)) defs[shared.get(schema)!] = convert(schema, true);
  return Object.keys(defs).length > 0 ? { ...(root as Schema), $defs: defs } : (root as Schema);
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'xml', 'externalDocs', 'discriminator']);

function rewrite(
  node: Record<string, unknown>,
  convert: (child: unknown) => unknown,
  options: { direction: Direction; legacy: boolean },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'discriminator' || key === 'xml' || key === 'externalDocs') continue;
    if (key === 'example' || (key === 'examples' && options.legacy)) continue;
    if (DATA_KEYS.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convert(child)]));
    } else out[key] = convert(value);
  }
  if (options.legacy) legacyKeywords(out, node);
  dropDirectionalRequired(out, node, options.direction);
  return out;
}

function legacyKeywords(out: Record<string, unknown>, node: Record<string, unknown>): void {
  if (node.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    else if (out.type === undefined) {
      const rest = { ...out };
      for (const key of Object.keys(out)) delete out[key];
      out.anyOf = [rest, { type: 'null' }];
    }
  } else delete out.nullable;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[flag] === 'boolean') {
      if (node[flag] === true && typeof node[bound] === 'number') {
        out[flag] = node[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
}

function dropDirectionalRequired(out: Record<string, unknown>, node: Record<string, unknown>, direction: Direction): void {
  if (!Array.isArray(node.required) || !isObject(node.properties)) return;
  const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
  const properties = node.properties;
  out.required = node.required.filter((name) => {
    const property = properties[String(name)];
    return !(isObject(property) && property[hidden] === true);
  });
}

function countReferences(root: unknown, seen: Map<object, number>): void {
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const count = seen.get(node) ?? 0;
    seen.set(node, count + 1);
    if (count > 0) continue;
    visited++;
    for (const [key, value] of Object.entries(node)) {
      if (SCHEMA_MAPS.has(key) && isObject(value)) stack.push(...Object.values(value));
      else if (!DATA_KEYS.has(key)) stack.push(value);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
