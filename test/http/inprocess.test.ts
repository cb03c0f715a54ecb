import { createServer } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonBody } from '../../src/http/exchange.js';
import type { HttpClient } from '../../src/http/exchange.js';
import { createInProcessClient } from '../../src/http/inprocess.js';
import { fixtureHandler, listen } from './servers.js';

const options = { timeoutMs: 300, maxBodyBytes: 1024 };
const opened: HttpClient[] = [];

async function open(...args: Parameters<typeof createInProcessClient>): Promise<HttpClient> {
  const client = await createInProcessClient(...args);
  opened.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.close()));
});

function expressApp(): express.Express {
  const app = express();
  app.use(express.json());
  app.post('/api/items', (req, res) => {
    res.status(201).json({ received: req.body as unknown, auth: req.get('authorization') });
  });
  app.get('/api/old', (_req, res) => res.redirect(301, '/api/items'));
  app.get('/api/hang', () => {});
  return app;
}

async function fastifyApp() {
  const app = Fastify();
  app.get('/api/items/:id', async (request) => ({ id: (request.params as { id: string }).id }));
  app.get('/api/old', async (_request, reply) => reply.redirect('/api/items/1', 302));
  return app;
}

describe('createInProcessClient', () => {
  it('serves a plain request handler on 127.0.0.1', async () => {
    const client = await open(fixtureHandler(), options);
    expect(client.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exchange = await client.send({ method: 'PUT', path: '/echo?x=1', headers: { 'x-k': 'v' }, body: 'hi' });
    expect(jsonBody(exchange.response)).toMatchObject({ method: 'PUT', url: '/echo?x=1', body: 'hi', headers: { 'x-k': 'v' } });
  });

  it('applies the transport limits: cap, timeout, no redirects', async () => {
    const client = await open(fixtureHandler(), options);
    const endless = await client.send({ method: 'GET', path: '/endless', headers: {} });
    expect(endless.response).toMatchObject({ truncated: true, body: 'a'.repeat(1024) });
    const hang = await client.send({ method: 'GET', path: '/hang', headers: {} });
    expect(hang.error).toMatch(/^timeout: no response/);
    const redirect = await client.send({ method: 'GET', path: '/redirect', headers: {} });
    expect(redirect.response?.status).toBe(302);
  });

  it('runs an Express app under a base path', async () => {
    const client = await open(expressApp(), { ...options, basePath: '/api/' });
    expect(client.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const created = await client.send({
      method: 'POST',
      path: '/items',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({ name: 'a' }),
    });
    expect(created.response?.status).toBe(201);
    expect(jsonBody(created.response)).toEqual({ received: { name: 'a' }, auth: 'Bearer t' });
    const moved = await client.send({ method: 'GET', path: '/old', headers: {} });
    expect(moved.response?.status).toBe(301);
    expect(moved.response?.headers.location).toBe('/api/items');
    const hang = await client.send({ method: 'GET', path: '/hang', headers: {} });
    expect(hang.error).toMatch(/^timeout/);
  });

  it('readies a Fastify instance and closes only the listener it opened', async () => {
    const app = await fastifyApp();
    const client = await createInProcessClient(app, options);
    const item = await client.send({ method: 'GET', path: '/api/items/7', headers: {} });
    expect(jsonBody(item.response)).toEqual({ id: '7' });
    const moved = await client.send({ method: 'GET', path: '/api/old', headers: {} });
    expect(moved.response).toMatchObject({ status: 302, headers: { location: '/api/items/1' } });
    expect(app.server.listening).toBe(true);
    await client.close();
    expect(app.server.listening).toBe(false);
    await app.close();
  });

  it('listens with an http.Server it is given and closes it once in-flight requests end', async () => {
    const server = createServer(fixtureHandler());
    const client = await createInProcessClient(server, options);
    const pending = client.send({ method: 'GET', path: '/hang', headers: {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await client.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.listening).toBe(false);
    expect((await pending).error).toMatch(/^timeout/);
  });

  it('reuses a server that already listens and leaves it open', async () => {
    const running = await listen(fixtureHandler());
    try {
      const client = await createInProcessClient(running.server, options);
      expect(client.baseUrl).toBe(running.origin);
      expect((await client.send({ method: 'GET', path: '/echo', headers: {} })).response?.status).toBe(200);
      await client.close();
      expect(running.server.listening).toBe(true);
    } finally {
      await running.close();
    }
  });
});
