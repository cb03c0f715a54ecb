import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { catalogExpress, type CatalogFault } from '../fixtures/paths/catalog-express.js';
import { catalogFastify } from '../fixtures/paths/catalog-fastify.js';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';

const spec = path.resolve(import.meta.dirname, '../fixtures/paths/catalog.openapi.json');
const config = { fixtures: { default: { id: 1 } } };
const paths = { suites: ['paths'] };

describe('paths family on the Catalog API', () => {
  it('passes every check on a correct Express server', async () => {
    const report = await runAgainst({ spec, app: catalogExpress(), config, selection: paths, allowDestructive: true });
    expect(failedChecks(report)).toEqual([]);
    expect(report.summary.passed).toBeGreaterThanOrEqual(12);
  });

  it('passes every check on a correct Fastify server', async () => {
    const report = await runAgainst({ spec, app: catalogFastify(), config, selection: paths, allowDestructive: true });
    expect(failedChecks(report)).toEqual([]);
  });

  const faults: [CatalogFault, string][] = [
    ['missing-prefix', 'paths.resolves'],
    ['undocumented-status', 'paths.status-documented'],
    ['wrong-content-type', 'paths.content-type'],
    ['schema-mismatch', 'paths.response-schema'],
    ['no-allow', 'paths.method-not-allowed'],
    ['method-404', 'paths.method-not-allowed'],
    ['catch-all', 'paths.unknown-path'],
  ];
  it.each(faults)('fails exactly the broken check on the "%s" fault', async (fault, check) => {
    const report = await runAgainst({ spec, app: catalogExpress(fault), config, selection: paths, allowDestructive: true });
    expect(failedChecks(report)).toEqual([check]);
  });

  it('names the path where a route really answers when the prefix is missing', async () => {
    const report = await runAgainst({ spec, app: catalogExpress('missing-prefix'), config, selection: { checks: ['paths.resolves'] } });
    const [finding] = resultsOf(report, 'paths.resolves').filter((r) => r.outcome === 'fail');
    expect(finding?.operation).toBe('GET /items/{id}');
    expect(finding?.message).toContain('GET /api/items/1 answered 404');
    expect(finding?.hint).toContain('the route answers at /items/1 (200)');
    expect(finding?.evidence?.response?.status).toBe(404);
  });

  it('skips unsafe probes without --allow-destructive, naming the flag', async () => {
    const report = await runAgainst({ spec, app: catalogExpress('method-404'), config, selection: { checks: ['paths.method-not-allowed'] } });
    const results = resultsOf(report, 'paths.method-not-allowed');
    expect(results.map((r) => r.outcome)).toEqual(['skip', 'skip']);
    expect(results[0]?.enableWith).toBe('--allow-destructive');
    expect(report.summary.requests).toBe(0);
  });

  describe('a 404 for a made-up id', () => {
    const thingSpec = path.resolve(import.meta.dirname, '../fixtures/paths/things.openapi.json');
    const thingsApp = (notFound: object) => {
      const app = express();
      app.get('/api/things/:thing_id', (_req, res) => void res.status(404).json(notFound));
      app.use((_req, res) => void res.status(404).json({ detail: 'Not Found' }));
      return app;
    };

    it('passes when the 404 differs from an unknown path\'s: the route resolves, the resource is missing', async () => {
      const report = await runAgainst({ spec: thingSpec, app: thingsApp({ detail: 'thing not found' }), selection: { checks: ['paths.resolves'] } });
      expect(resultsOf(report, 'paths.resolves').map((r) => r.outcome)).toEqual(['pass']);
    });

    it('is skipped with the fixture key when it looks exactly like an unknown path', async () => {
      const report = await runAgainst({ spec: thingSpec, app: thingsApp({ detail: 'Not Found' }), selection: { checks: ['paths.resolves'] } });
      const [result] = resultsOf(report, 'paths.resolves');
      expect(result?.outcome).toBe('skip');
      expect(result?.enableWith).toBe('fixtures.default.thing_id');
    });

    it('fails when a fixture says the resource exists', async () => {
      const config = { fixtures: { default: { thing_id: 't-1' } } };
      const report = await runAgainst({ spec: thingSpec, app: thingsApp({ detail: 'Not Found' }), config, selection: { checks: ['paths.resolves'] } });
      expect(failedChecks(report)).toEqual(['paths.resolves']);
    });
  });

  describe('on an API that writes for real', () => {
    const notesSpec = path.resolve(import.meta.dirname, '../fixtures/paths/notes.openapi.json');
    const notesApp = () => {
      const notes = new Set(['n-1']);
      const app = express();
      const authed = (req: express.Request, res: express.Response, next: express.NextFunction) =>
        req.get('x-api-key') === 'k' ? next() : void res.status(401).set('WWW-Authenticate', 'ApiKey').json({});
      app.route('/api/health')
        .get((_req, res) => void res.json({}))
        .all(authed, (_req, res) => void res.status(405).set('Allow', 'GET').json({}));
      app.route('/api/notes/:id')
        .all(authed)
        .get((req, res) => void setTimeout(() => (notes.has(req.params.id) ? res.json({ id: req.params.id }) : res.status(404).json({})), 50))
        .delete((req, res) => void (notes.delete(req.params.id), res.status(204).end()))
        .all((_req, res) => void res.status(405).set('Allow', 'GET, DELETE').json({}));
      return app;
    };
    const config = { identities: { owner: { headers: { 'X-Api-Key': 'k' } } }, fixtures: { default: { note_id: 'n-1' } } };

    it('deletes only after every read of the same data has finished', async () => {
      const report = await runAgainst({ spec: notesSpec, app: notesApp(), config, selection: paths, allowDestructive: true });
      expect(failedChecks(report)).toEqual([]);
      expect(resultsOf(report, 'paths.response-schema').find((r) => r.operation === 'DELETE /notes/{note_id}')?.message).toBe('204 has no body, as documented');
    });

    it('probes an undocumented method on a public path with credentials, so authentication does not answer for routing', async () => {
      const report = await runAgainst({ spec: notesSpec, app: notesApp(), config, selection: { checks: ['paths.method-not-allowed'] }, allowDestructive: true });
      expect(resultsOf(report, 'paths.method-not-allowed').find((r) => r.operation === 'GET /health')?.outcome).toBe('pass');
    });
  });
});
