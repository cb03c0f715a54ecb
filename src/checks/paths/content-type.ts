import { mediaType } from '../../http/exchange.js';
import type { CheckDefinition } from '../check.js';
import { fail, pass, skip } from '../result.js';
import { documentedResponse, mediaTypeMatches } from './documented.js';
import { onPrimaryResponse } from './primary-guard.js';

export const contentType: CheckDefinition = {
  id: 'paths.content-type',
  family: 'paths',
  title: 'The response media type is documented',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: "The Content-Type of the response is one of the media types documented for its status.",
    why: 'Clients pick a parser from Content-Type; an undocumented type (HTML error pages, text/plain JSON) breaks them.',
    references: ['RFC 9110 §8.3 (Content-Type)', 'OpenAPI Specification, Response Object content'],
    fix: 'Send the documented media type (set Content-Type explicitly), or document the one the API sends.',
  },
  run: onPrimaryResponse(({ operation, exchange }) => {
    const { status, body } = exchange.response;
    const documented = documentedResponse(operation, status);
    if (!documented) return [skip(`${status} is not documented, so no media type is either`, 'responses in the document')];
    const actual = mediaType(exchange.response);
    const types = documented.content.map((m) => m.type);
    if (types.length === 0) {
      if (body === '') return [pass(`${status} has no body, as documented`, { exchange })];
      return [skip(`the document gives no media type for ${documented.status}`, `responses.${documented.status}.content in the document`)];
    }
    if (actual === '' && body === '') {
      return [fail(`${status} came back with an empty body; the document promises ${types.join(', ')}`, 'send the documented body, or document the response without content', { exchange })];
    }
    if (types.some((type) => mediaTypeMatches(type, actual))) return [pass(`${actual} is documented for ${documented.status}`, { exchange })];
    return [
      fail(
        `${status} came back as ${actual || 'no Content-Type'}; the document lists ${types.join(', ')} (RFC 9110 §8.3)`,
        `set Content-Type to ${types[0]} in the handler (or error handler), or document ${actual || 'the media type'} for ${documented.status}`,
        { exchange },
      ),
    ];
  }),
};
