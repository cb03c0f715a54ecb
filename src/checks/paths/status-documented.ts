import type { CheckDefinition } from '../check.js';
import { fail, pass } from '../result.js';
import { documentedResponse } from './documented.js';
import { onPrimaryResponse } from './primary-guard.js';

export const statusDocumented: CheckDefinition = {
  id: 'paths.status-documented',
  family: 'paths',
  title: 'The status of a valid request is documented',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: "The status code answering a valid request appears in the operation's responses (exact code, NXX range or default; a 2xx the operation does not list among its listed 2xx successes is undocumented even with a default, which then documents the errors).",
    why: 'Clients and generated SDKs branch on documented statuses; an undocumented one falls through to generic error handling.',
    references: ['OpenAPI Specification, Responses Object', 'RFC 9110 §15 (status codes)'],
    fix: 'Document the status under responses, or make the handler answer a documented one.',
  },
  run: onPrimaryResponse(({ operation, exchange }) => {
    const status = exchange.response.status;
    const documented = documentedResponse(operation, status);
    const listed = operation.responses.map((r) => r.status).join(', ') || 'none';
    if (documented) return [pass(`${status} is documented (as ${documented.status})`, { exchange })];
    return [
      fail(
        `${exchange.request.method} ${exchange.request.path} answered ${status}, which the document does not list (documented: ${listed})`,
        `add a ${status} response to ${operation.key} in the document, or fix the handler to answer one of ${listed}`,
        { exchange },
      ),
    ];
  }),
};
