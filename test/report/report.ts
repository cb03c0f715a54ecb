import type { Result } from '../../src/checks/result.js';
import { summarise, type Report } from '../../src/report/model.js';

/** A report around the given results, as a run of the Catalog API would write it. */
export function reportOf(results: Result[], extra: Partial<Report> = {}): Report {
  return {
    tool: 'specgate',
    version: '0.1.0',
    spec: { title: 'Catalog', version: '2.1.0', openapi: '3.0.3', operations: 3 },
    baseUrl: 'http://127.0.0.1:4000',
    summary: summarise(results, 7, 120),
    results,
    ...extra,
  };
}

export const resolvesFailure: Result = {
  check: 'paths.resolves',
  operation: 'GET /items/{id}',
  outcome: 'fail',
  severity: 'error',
  message: 'GET /api/items/1 answered 404: the documented route does not exist',
  hint: 'mount GET /api/items/{id} in the app',
  evidence: {
    request: { method: 'GET', url: 'http://127.0.0.1:4000/api/items/1', headers: { authorization: 'Bearer ***' } },
    response: { status: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"no such route"}' },
  },
};
