// How long specgate takes to prove a 100-requests-per-10-s limit against a loopback server: throttle.enforced,
// limit-matches, retry-after and headers (recovery would wait out the 10 s window) against express-rate-limit 8
// with draft-8 headers, a fresh server per run. Prints requests sent and wall time. Run: npx tsx bench/throttle.ts
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import { parseConfig } from '../src/config/load.js';
import { createClient } from '../src/http/client.js';
import { runContract } from '../src/run/run.js';
import { normaliseDocument } from '../src/spec/normalise.js';

const LIMIT = 100;
const WINDOW_MS = 10_000;
const RUNS = 5;
const CHECKS = ['throttle.enforced', 'throttle.limit-matches', 'throttle.retry-after', 'throttle.headers'];

const document = {
  openapi: '3.1.0',
  info: { title: 'bench', version: '1' },
  paths: {
    '/items': {
      get: {
        'x-rate-limit': { limit: LIMIT, window: `${WINDOW_MS / 1000}s` },
        responses: { '200': { description: 'items' }, '429': { description: 'throttled' } },
      },
    },
  },
};

function app(): express.Express {
  const server = express();
  server.use(rateLimit({ windowMs: WINDOW_MS, limit: LIMIT, standardHeaders: 'draft-8', legacyHeaders: false }));
  server.get('/items', (_req, res) => void res.json([]));
  return server;
}

const spec = normaliseDocument(document, 'bench');

async function once(concurrency: number): Promise<{ ms: number; requests: number; verdict: string }> {
  const config = parseConfig({ concurrency }, 'bench');
  const client = await createClient(app(), { timeoutMs: 5_000 });
  try {
    const started = performance.now();
    const report = await runContract({ spec, config, client, selection: { checks: CHECKS } });
    const ms = performance.now() - started;
    const verdict = report.results.map((r) => `${r.check.replace('throttle.', '')}=${r.outcome}`).join(' ');
    return { ms, requests: report.summary.requests, verdict };
  } finally {
    await client.close();
  }
}

console.log(`proving ${LIMIT} requests per ${WINDOW_MS / 1000} s (express-rate-limit 8, draft-8 headers, loopback), ${RUNS} runs each`);
for (const concurrency of [8, 32]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(concurrency));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `concurrency ${String(concurrency).padStart(2)}: ${runs[0]!.requests} requests, median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[RUNS - 1]!.toFixed(0)}) — ${runs[0]!.verdict}`,
  );
}
