import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';
import { listen, type Running } from '../http/servers.js';

const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const TIME_LIMIT_MS = 120_000;

interface JsonReport {
  testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs `vitest run` in a child process, as a project would, and returns its JSON report. */
async function runVitest(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; report: JsonReport }> {
  const output = path.join(await mkdtemp(path.join(tmpdir(), 'specgate-vitest-')), 'report.json');
  const child = spawn(process.execPath, [VITEST, 'run', ...args, '--reporter=json', `--outputFile=${output}`], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, report: JSON.parse(await readFile(output, 'utf8')) as JsonReport };
}

const tests = (report: JsonReport) => report.testResults.flatMap((file) => file.assertionResults);

describe.concurrent('vitest runs of a project and of the built-in suites', () => {
  let catalog: Running;
  let config: string;
  beforeAll(async () => {
    catalog = await listen(catalogExpress('schema-mismatch'));
    config = path.join(await mkdtemp(path.join(tmpdir(), 'specgate-suites-')), 'specgate.config.json');
    await writeFile(config, JSON.stringify({ spec: fileURLToPath(new URL('../fixtures/paths/catalog.openapi.json', import.meta.url)), fixtures: { default: { id: 1 } } }));
  });
  afterAll(() => catalog.close());

  test('the example project sees the built-in checks and its own as tests, and they pass', async () => {
    const { code, report } = await runVitest(['--config', 'examples/user-project/vitest.config.ts']);
    const byName = new Map(tests(report).map((t) => [t.fullName, t.status]));
    expect(byName.get('specgate GET /books pagination.list-paginates')).toBe('passed');
    expect(byName.get('specgate GET /health observability.request-duration')).toBe('passed');
    expect(byName.get('specgate GET /books/{book_id} paths.response-schema')).toBe('passed');
    expect(byName.get('specgate API-wide paths.unknown-path')).toBe('passed');
    expect(byName.get('books every list follows its cursor to the end, each item once')).toBe('passed');
    expect(tests(report).filter((t) => t.status === 'failed')).toEqual([]);
    expect(code).toBe(0);
  });

  test('the built-in suites run as they are against a config, failures with finding, hint and evidence', async () => {
    const { code, report } = await runVitest(['--config', 'test/vitest/fixtures/suites.vitest.config.ts'], { SPECGATE_CONFIG: config, SPECGATE_BASE_URL: catalog.origin });
    expect(code).toBe(1);
    expect(report.testResults.map((file) => path.basename(file.name)).sort()).toEqual(['auth.suite.ts', 'errors.suite.ts', 'paths.suite.ts', 'tenancy.suite.ts', 'throttle.suite.ts']);
    const paths = report.testResults.find((file) => file.name.endsWith('paths.suite.ts'))!.assertionResults;
    const failed = paths.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.fullName)).toEqual(['specgate: paths GET /items/{id} paths.response-schema']);
    expect(failed[0]!.failureMessages[0]).toContain('paths.response-schema on GET /items/{id}: 200 body does not match the documented 200 schema: /price: must be number');
    expect(failed[0]!.failureMessages[0]).toContain(`Hint: change the serializer to produce the documented shape, or update the schema in the document\n> GET ${catalog.origin}/api/items/1\n< 200`);
    expect(paths.filter((t) => t.status === 'passed').map((t) => t.fullName)).toContain('specgate: paths API-wide paths.unknown-path');
  });
});
