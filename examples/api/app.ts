import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The bundled example API: a small multi-tenant model registry in Express. It follows its document
 * (openapi.json) except for one bug left in on purpose, which `npm run demo` finds: the versions route is
 * mounted without the /v1 segment.
 */
interface Caller {
  tenant: string;
  role: 'admin' | 'viewer';
}

const TOKENS: Record<string, Caller> = {
  'acme-admin-token': { tenant: 'acme', role: 'admin' },
  'acme-viewer-token': { tenant: 'acme', role: 'viewer' },
  'globex-admin-token': { tenant: 'globex', role: 'admin' },
};

interface Model {
  id: string;
  tenant: string;
  name: string;
  framework: string;
  created_at: string;
}

export function createRegistryApp(): express.Express {
  const models = new Map<string, Model>([
    ['m-acme-1', { id: 'm-acme-1', tenant: 'acme', name: 'churn', framework: 'sklearn', created_at: '2026-01-05T10:00:00Z' }],
    ['m-globex-1', { id: 'm-globex-1', tenant: 'globex', name: 'fraud', framework: 'pytorch', created_at: '2026-02-01T09:30:00Z' }],
  ]);
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.setHeader('X-Request-Id', req.get('x-request-id') ?? randomUUID());
    next();
  });
  app.use(express.json());

  const v1 = express.Router();
  v1.route('/health')
    .get((_req, res) => {
      res.json({ status: 'ok' });
    })
    .all(methodNotAllowed('GET'));
  v1.use(authenticate);
  v1.route('/models')
    .get((req, res) => {
      const caller = res.locals.caller as Caller;
      const limit = Math.min(Number(req.query.limit ?? 20) || 20, 100);
      const items = [...models.values()].filter((m) => m.tenant === caller.tenant).slice(0, limit).map(publicModel);
      res.json({ items, next: null });
    })
    .post(requireRole('admin'), (req, res) => {
      const caller = res.locals.caller as Caller;
      const { name, framework } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string' || !['pytorch', 'tensorflow', 'sklearn'].includes(String(framework))) {
        return sendError(res, 400, 'validation_error', 'name and framework are required');
      }
      const model = { id: `m-${caller.tenant}-${models.size + 1}`, tenant: caller.tenant, name, framework: String(framework), created_at: new Date().toISOString() };
      models.set(model.id, model);
      res.status(201).json(publicModel(model));
    })
    .all(methodNotAllowed('GET, POST'));
  v1.route('/models/:model_id')
    .get((req, res) => {
      const model = ownModel(req, res, models);
      if (model) res.json(publicModel(model));
    })
    .delete(requireRole('admin'), (req, res) => {
      const model = ownModel(req, res, models);
      if (!model) return;
      models.delete(model.id);
      res.status(204).end();
    })
    .all(methodNotAllowed('GET, DELETE'));

  const unversioned = express.Router();
  unversioned.use(authenticate);
  unversioned
    .route('/models/:model_id/versions')
    .get((req, res) => {
      const model = ownModel(req, res, models);
      if (model) res.json([{ version: 1, created_at: model.created_at }]);
    })
    .all(methodNotAllowed('GET'));

  app.use('/api/v1', v1);
  app.use('/api', unversioned);
  app.use((_req, res) => sendError(res, 404, 'not_found', 'no such route'));
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed') return sendError(res, 400, 'parse_error', 'the body is not valid JSON');
    sendError(res, 500, 'internal_server_error', 'something went wrong');
  });
  return app;
}

function authenticate(req: Request, res: Response, next: NextFunction): void {
  const [scheme, token] = (req.get('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="registry"');
    return sendError(res, 401, 'authentication_failed', 'credentials were not provided');
  }
  const caller = TOKENS[token];
  if (!caller) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="registry", error="invalid_token"');
    return sendError(res, 401, 'authentication_failed', 'the token is not valid');
  }
  res.locals.caller = caller;
  next();
}

function requireRole(role: Caller['role']) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    if ((res.locals.caller as Caller).role !== role) return sendError(res, 403, 'permission_denied', `requires the ${role} role`);
    next();
  };
}

function methodNotAllowed(allow: string) {
  return (_req: Request, res: Response): void => {
    res.setHeader('Allow', allow);
    sendError(res, 405, 'method_not_allowed', 'method not allowed on this path');
  };
}

function ownModel(req: Request, res: Response, models: Map<string, Model>): Model | undefined {
  const model = models.get(String(req.params.model_id));
  if (!model || model.tenant !== (res.locals.caller as Caller).tenant) {
    sendError(res, 404, 'not_found', 'model not found');
    return undefined;
  }
  return model;
}

function publicModel({ tenant: _tenant, ...model }: Model): Omit<Model, 'tenant'> {
  return model;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message, details: {} } });
}
