/** A JSON object as parsed from the document. */
export type JsonObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object itself, or an empty object for anything else (absent or malformed optional fields). */
export function asRecord(value: unknown): JsonObject {
  return isRecord(value) ? value : {};
}

/** The strings of an array, or undefined when the value is not an array. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** The vendor extensions (`x-` keys) of an object. */
export function extensionsOf(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([key]) => key.startsWith('x-')));
}

/** Names what a value is, for error messages: `array`, `string`, `null`, … */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
