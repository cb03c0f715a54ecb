/**
 * Where a value sits in the OpenAPI / JSON Schema grammar. It tells the dereferencer which
 * `$ref` keys are references and which are data: example values, defaults, enums and consts
 * are data, whatever they hold.
 */
export type Place = Structure | 'data';

/** A place holding OpenAPI structure: an object of keywords or a map of names, maybe inside a vendor extension. */
export interface Structure {
  readonly keys: 'keywords' | 'names';
  /** The key the value sits under. */
  readonly key: string;
  readonly extension: boolean;
}

// Keywords whose value is data, never OpenAPI structure.
const DATA_KEYWORDS = new Set(['example', 'default', 'enum', 'const', 'value']);

// Keywords whose value maps names (paths, schema names, status codes, media types, …) to objects.
const NAMED_MAPS = new Set([
  'paths', 'webhooks', 'callbacks', 'definitions', 'parameters', 'responses', 'securityDefinitions',
  'schemas', 'requestBodies', 'headers', 'securitySchemes', 'links', 'pathItems', 'examples',
  'properties', 'patternProperties', '$defs', 'dependentSchemas', 'content', 'encoding', 'variables',
  'mapping', 'scopes',
]);

/** The place of a document's root. */
export const ROOT: Structure = { keys: 'keywords', key: '', extension: false };

/** The place of the value under `key` of a value at `container`. */
export function childPlace(container: Place, key: string): Place {
  if (container === 'data') return 'data';
  if (container.keys === 'names') {
    // `examples` is a map of Example objects (3.x), but a list of values in a JSON Schema and a
    // map of media type → value in a Swagger 2.0 response.
    if (container.key === 'examples' && (/^\d+$/.test(key) || key.includes('/'))) return 'data';
    return { keys: 'keywords', key, extension: container.extension };
  }
  if (DATA_KEYWORDS.has(key)) return 'data';
  return {
    keys: NAMED_MAPS.has(key) ? 'names' : 'keywords',
    key,
    extension: container.extension || key.startsWith('x-'),
  };
}

/** The place of the value at the given reference tokens from a document's root. */
export function placeAt(tokens: readonly string[]): Place {
  return tokens.reduce<Place>(childPlace, ROOT);
}
