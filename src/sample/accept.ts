import type { ResponseSpec } from '../spec/model.js';
import { essenceOf } from './media.js';

/**
 * The `accept` header for an operation: its documented 2xx media types, when they all belong to one family
 * (JSON: `application/json`, `*+json`; XML likewise; otherwise the media type itself). Undefined when the
 * 2xx responses document no content or mix families (then the server picks).
 */
export function acceptHeader(responses: readonly ResponseSpec[]): string | undefined {
  const types = [
    ...new Set(responses.filter((response) => response.status.startsWith('2')).flatMap((response) => response.content.map((media) => media.type))),
  ];
  if (types.length === 0) return undefined;
  return new Set(types.map(family)).size === 1 ? types.join(', ') : undefined;
}

function family(type: string): string {
  const essence = essenceOf(type);
  if (/[/+]json$/.test(essence)) return 'json';
  if (/[/+]xml$/.test(essence)) return 'xml';
  return essence;
}
