// The `paths` family against a generated 1,000-operation API served by Fastify on loopback, compared
// with a bare undici loop sending the same requests at the same concurrency. The ratio is the engine's
// overhead (planning, sampling, schema validation, recording, redaction). Run: npx tsx bench/paths.ts
import Fastify from 'fastify';
import { Pool } from 'undici';
import { parseConfig } from '../src/config/load.js';
import { createClient } from '../src/http/client.js';
import { runContract } from '../src/run/run.js';
import { normaliseDocument } from '../src/spec/normalise.js';

const OPERATIONS = 1000;
const CONCURRENCY = 8;

const item = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } };
const paths: Record<string, unknown> = {};
for (let i = 0; i < OPERATIONS; i++) {
  paths[`/r${i}/{id}`] = {
    get: {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } } },
    },
  };
}
const document = { openapi: '3.1.0', info: { title: 'bench', version: '1' }, servers: [{ url: '/api' }], paths };

const app = Fastify({ logger: false });
app.get('/api/:resource/:id', async (req) => ({ id: Number((req.params as { id: string }).id), name: 'thing', tags: ['a', 'b'] }));
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
const baseUrl = `http://127.0.0.1:${port}`;

const spec = normaliseDocument(document, 'generated');
const config = parseConfig({ fixtures: { default: { id: 1 } }, concurrency: CONCURRENCY }, 'bench');

async function engine(): Promise<{ ms: number; requests: number }> {
  const client = await createClient(baseUrl, { timeoutMs: 10_000, connections: CONCURRENCY });
  const started = performance.now();
  const report = await runContract({ spec, config, client, selection: { suites: ['paths'] } });
  const ms = performance.now() - started;
  await client.close();
  if (report.summary.failed > 0) throw new Error(`unexpected failures: ${report.summary.failed}`);
  return { ms, requests: report.summary.requests };
}

async function bareLoop(requests: number): Promise<number> {
  const pool = new Pool(baseUrl, { connections: CONCURRENCY });
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const response = await pool.request({ method: 'GET', path: `/api/r${i % OPERATIONS}/1`, headers: { accept: 'application/json' } });
      await response.body.text();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - started;
  await pool.close();
  return ms;
}

await engine(); // warm-up: JIT, connections, schema compilation paths
const bare0 = await bareLoop(OPERATIONS);
const runs = [];
for (let i = 0; i < 3; i++) runs.push({ engine: await engine(), bare: await bareLoop(OPERATIONS) });
await app.close();

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const engineMs = median(runs.map((r) => r.engine.ms));
const bareMs = median(runs.map((r) => r.bare));
const requests = runs[0]!.engine.requests;
console.log(`paths family, ${OPERATIONS} operations, concurrency ${CONCURRENCY} (median of 3, after warm-up; first bare loop ${bare0.toFixed(0)} ms)`);
console.log(`  specgate engine : ${engineMs.toFixed(0)} ms for ${requests} requests (${((requests / engineMs) * 1000).toFixed(0)} req/s)`);
console.log(`  bare undici loop: ${bareMs.toFixed(0)} ms for ${OPERATIONS} requests`);
console.log(`  overhead ratio  : ${(engineMs / bareMs).toFixed(2)}x per run, ${((engineMs / requests) / (bareMs / OPERATIONS)).toFixed(2)}x per request (goal < 1.5x)`);
console.log(`  peak RSS        : ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
