import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/http/client.js';
import { fixtureHandler, listen } from './servers.js';
import type { Running } from './servers.js';

let running: Running;

beforeAll(async () => {
  running = await listen(fixtureHandler());
});

afterAll(async () => {
  await running.close();
});

describe('createClient', () => {
  it('uses undici for a URL, which carries its own path', async () => {
    const client = await createClient(`${running.origin}/api`, { timeoutMs: 1000, basePath: '/ignored' });
    const exchange = await client.send({ method: 'GET', path: '/x', headers: {} });
    await client.close();
    expect(client.baseUrl).toBe(`${running.origin}/api`);
    expect(exchange.request.url).toBe(`${running.origin}/api/x`);
    expect(exchange.response?.status).toBe(200);
  });

  it('runs an app in process', async () => {
    const client = await createClient(fixtureHandler(), { timeoutMs: 1000, basePath: '/v1' });
    const exchange = await client.send({ method: 'GET', path: '/redirect', headers: {} });
    await client.close();
    expect(client.baseUrl).not.toBe(running.origin);
    expect(exchange.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/redirect$/);
    expect(exchange.response?.status).toBe(200);
  });
});
