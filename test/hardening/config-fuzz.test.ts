import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import { isUsageError } from '../../src/errors.js';
import { runCli } from '../cli/cli.js';
import { STACK_TRACE } from './gate.js';

/** A config that sets nearly every key, as the README documents them. */
const FULL: ConfigInput = {
  spec: './openapi.json',
  baseUrl: 'http://127.0.0.1:8000',
  identities: {
    'acme-admin': { tenant: 'acme', role: 'admin', headers: { Authorization: 'Bearer a-token' }, expiredToken: 'old-token' },
    globex: { tenant: 'globex', role: 'admin', login: { operation: 'POST /api/v1/auth/token/', body: { username: 'u', password: 'p' }, token: '/access', scheme: 'Bearer' } },
  },
  fixtures: { acme: { model_id: 'm-acme-1' }, globex: { model_id: 'm-globex-1' } },
  roles: { 'POST /api/models/': ['admin'] },
  throttles: [{ operation: 'POST /api/v1/auth/token/', limit: 5, window: '60s', key: 'ip' }],
  errors: { format: 'envelope', codes: { '404': 'not_found' } },
  requestIdHeader: 'X-Request-Id',
  safety: { methods: 'safe', maxRequests: 5000, allowHosts: ['127.0.0.1'], safeOperations: [] },
  headers: { 'X-Client': 'ci' },
  checks: { exclude: ['paths.unknown-path'] },
  exclude: ['GET /internal/*'],
  concurrency: 8,
  timeout: 10_000,
};

type Key = string | number;
const NODES = nodes(FULL);

const mutation = fc.record({
  at: fc.constantFrom(...NODES),
  change: fc.oneof(
    fc.constant({ kind: 'drop' as const }),
    fc.record({ kind: fc.constant('retype' as const), value: fc.constantFrom<unknown>(null, 0, -1, 1.5, 1e308, true, '', 'x', [], {}, ['a'], { a: 1 }, 'x'.repeat(1 << 20)) }),
    fc.record({ kind: fc.constant('unknown-key' as const), key: fc.constantFrom('extra', 'timeoutMs', 'Identities', '__proto__') }),
    fc.constant({ kind: 'unset-env' as const }),
  ),
});

test('a mutated config parses, or every zod issue is reported with its key path, pointing at what changed', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const raw = structuredClone(FULL) as unknown;
      for (const { at, change } of mutations) apply(raw, at, change);
      let error: unknown;
      try {
        parseConfig(raw, 'fuzz.config.json', {});
        return;
      } catch (caught) {
        error = caught;
      }
      if (!isUsageError(error)) throw error;
      expect(error.code).toBe('SPECGATE_CONFIG_INVALID');
      if (error.message.includes('is not set in the environment')) {
        expect(error.message).toMatch(/^fuzz\.config\.json: .+ refers to \$\{SPECGATE_FUZZ_UNSET\}/);
        return;
      }
      const reported = [...error.message.matchAll(/^ {2}- (.+?): /gm)].map((m) => m[1]!);
      const issues = configSchema.safeParse(raw).error?.issues ?? [];
      expect(reported).toEqual(issues.map((issue) => issue.path.map(String).join('.') || '(root)'));
      const related = (a: Key[], b: string) => b === '(root)' || `${a.join('.')}.`.startsWith(`${b}.`) || `${b}.`.startsWith(`${a.join('.')}.`);
      expect(mutations.some(({ at }) => reported.some((where) => related(at, where)))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'specgate-config-fuzz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test.concurrent.each([
  ['YAML that does not parse', 'broken.yaml', 'identities:\n  a: {tenant: [\n', /cannot read config .*broken\.yaml: .+line 3/s],
  ['JSON with wrong types', 'typed.json', JSON.stringify({ ...FULL, spec: undefined, concurrency: 'eight', safety: { maxRequests: 0 } }), /invalid config in .*typed\.json:\n {2}- safety\.maxRequests: .+\n {2}- concurrency: /],
])('through the CLI, a config file with %s: exit 2 naming the file and the keys', async (_, name, text, says) => {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const run = await runCli(['run', '--config', file, '--base-url', 'http://127.0.0.1:9', '--spec', 'x.json']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(STACK_TRACE);
});

function apply(root: unknown, at: Key[], change: { kind: 'drop' } | { kind: 'retype'; value: unknown } | { kind: 'unknown-key'; key: string } | { kind: 'unset-env' }): void {
  const parent = get(root, at.slice(0, -1));
  const key = at.at(-1)!;
  if (!parent || typeof parent !== 'object') return;
  const record = parent as Record<Key, unknown>;
  if (change.kind === 'drop') delete record[key];
  else if (change.kind === 'retype') record[key] = change.value;
  else if (change.kind === 'unset-env') record[key] = '${SPECGATE_FUZZ_UNSET}';
  else if (record[key] && typeof record[key] === 'object' && !Array.isArray(record[key])) Object.defineProperty(record[key], change.key, { value: 1, enumerable: true });
}

function get(root: unknown, at: Key[]): unknown {
  return at.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<Key, unknown>)[key] : undefined), root);
}

/** Paths of every key of the config (not the root). */
function nodes(root: unknown, at: Key[] = []): Key[][] {
  if (!root || typeof root !== 'object') return [];
  return Object.entries(root).flatMap(([key, value]) => {
    const here = [...at, Array.isArray(root) ? Number(key) : key];
    return [here, ...nodes(value, here)];
  });
}
