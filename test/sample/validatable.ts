export type Dialect = 'draft-07' | '2020-12';

type Node = Record<string, unknown>;

const SINGLE = ['items', 'additionalItems', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const MAPS = ['properties', 'patternProperties', 'dependentSchemas', 'definitions', '$defs'];

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns dereferenced OpenAPI schemas (possibly circular object graphs) into one JSON Schema document that
 * ajv can compile, with a `$ref` pointer into it for each root. The roots and every subschema reached more
 * than once become definitions, so cycles and shared schemas are emitted, and compiled, once. The OpenAPI
 * dialect is translated: `nullable` admits null, 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` become
 * numeric, Swagger 2.0 `type: file` becomes untyped, an empty `enum` (which ajv refuses) becomes `not: {}`,
 * and a `readOnly` property is not required, as OpenAPI 3 says for requests.
 */
export function toValidatable(roots: Node[], dialect: Dialect): { schema: Node; refs: string[] } {
  const incoming = new Map<Node, number>(roots.map((root) => [root, 2]));
  const stack = [...roots];
  while (stack.length > 0) {
    for (const child of children(stack.pop()!)) {
      if (!incoming.has(child)) stack.push(child);
      incoming.set(child, (incoming.get(child) ?? 0) + 1);
    }
  }
  const defsKey = dialect === '2020-12' ? '$defs' : 'definitions';
  const names = new Map<Node, string>();
  for (const [node, count] of incoming) if (count > 1) names.set(node, `s${names.size}`);
  const pointer = (node: Node): string => `#/${defsKey}/${names.get(node)!}`;
  const convert = (node: Node, inline: boolean): Node => {
    if (!inline && names.has(node)) return { $ref: pointer(node) };
    const sub = (value: unknown): unknown => (isNode(value) ? convert(value, false) : value);
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id' || key === '$schema' || key === defsKey) continue;
      if (SINGLE.includes(key) && isNode(value)) out[key] = sub(value);
      else if (LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(sub);
      else if (MAPS.includes(key) && isNode(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, sub(entry)]));
      else out[key] = value;
    }
    return translate(out, node);
  };
  const definitions = Object.fromEntries([...names].map(([node, name]) => [name, convert(node, true)]));
  return { schema: { [defsKey]: definitions }, refs: roots.map(pointer) };
}

function children(node: Node): Node[] {
  const out: unknown[] = [];
  for (const key of SINGLE) if (isNode(node[key])) out.push(node[key]);
  for (const key of LISTS) if (Array.isArray(node[key])) out.push(...(node[key] as unknown[]));
  for (const key of MAPS) if (isNode(node[key])) out.push(...Object.values(node[key] as Node));
  return out.filter(isNode);
}

function translate(out: Node, original: Node): Node {
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else if (typeof out[flag] === 'boolean') {
      delete out[flag];
    }
  }
  if (out.type === 'file') delete out.type;
  if (Array.isArray(out.enum) && out.enum.length === 0) {
    delete out.enum;
    out.not = {};
  }
  if (Array.isArray(out.required) && isNode(original.properties)) {
    const properties = original.properties;
    out.required = out.required.filter((name) => !(typeof name === 'string' && readOnly(properties[name])));
  }
  const nullable = out.nullable === true;
  delete out.nullable;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

function readOnly(schema: unknown): boolean {
  return isNode(schema) && (schema.readOnly === true || (Array.isArray(schema.allOf) && schema.allOf.some((member) => isNode(member) && member.readOnly === true)));
}
