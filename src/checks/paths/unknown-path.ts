import type { CheckDefinition } from '../check.js';
import { errored, fail, pass, skip } from '../result.js';
import { unknownPathExchange } from './unknown-path-probe.js';

export const unknownPath: CheckDefinition = {
  id: 'paths.unknown-path',
  family: 'paths',
  title: 'An undocumented path answers 404',
  severity: 'error',
  scope: 'api',
  explain: {
    asserts: "A GET on a path the document does not have, under the API's base path, answers 404 (or 410).",
    why: 'A catch-all that answers 2xx hides broken client URLs and exposes undocumented surface; a 5xx means routing itself fails.',
    references: ['RFC 9110 §15.5.5 (404)', 'OWASP API9:2023 Improper Inventory Management'],
    fix: 'Remove catch-all routes under the API prefix and let the framework answer 404.',
  },
  async run(ctx) {
    const exchange = await unknownPathExchange(ctx);
    const target = `GET ${exchange.request.path}`;
    const status = exchange.response?.status;
    if (status === undefined) return [errored(`no response to ${target}: ${exchange.error}`, { exchange })];
    if (status === 404 || status === 410) return [pass(`${target} answered ${status}`, { exchange })];
    if ((status === 401 || status === 403) && ctx.identities.length === 0) {
      return [skip(`${target} answered ${status} without credentials: authentication runs before routing`, 'identities', { exchange })];
    }
    if (status >= 200 && status < 300) {
      return [fail(`${target} answered ${status} for a path the document does not have; expected 404 (RFC 9110 §15.5.5)`, 'remove the catch-all route under the API prefix, or document the path', { exchange })];
    }
    if (status >= 500) {
      return [fail(`${target} answered ${status}: the server fails on an unknown path instead of answering 404`, 'let the framework answer 404 for unmatched routes; check the not-found handler', { exchange })];
    }
    return [fail(`${target} answered ${status}; expected 404 for a path that does not exist (RFC 9110 §15.5.5)`, 'answer 404 for unmatched routes under the API prefix', { exchange, severity: 'warning' })];
  },
};
