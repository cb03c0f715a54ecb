import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Report } from '../../src/report/model.js';
import type { Result } from '../../src/checks/result.js';
import { failedChecks, resultsOf } from '../helpers/contract.js';

/** The Debian interpreter: the Debian packages (python3-fastapi, …) are installed for it, not for a pyenv python3. */
export const PYTHON = '/usr/bin/python3';
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const PYTHON_FIXTURES = fileURLToPath(new URL('../fixtures/python/', import.meta.url));

const ANNOUNCE_MS = 20_000;
const READY_MS = 10_000;
const STOP_MS = 3_000;
const RUN_MS = 150_000;

/** A framework test waits for its mode's run, which may queue behind others (see `limiter`). */
export const TEST_TIMEOUT_MS = 240_000;

/** Whether the Debian packages a Python fixture needs can be imported; the install command when not. */
export function pythonModules(modules: string[], packages: string[]): { ok: true } | { ok: false; reason: string } {
  const install = `apt-get install -y ${packages.join(' ')} (listed in .ci/apt-packages; .ci/run installs them)`;
  const probe = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8', timeout: 20_000 });
  if (probe.error) return { ok: false, reason: `${PYTHON} cannot run (${probe.error.message}); ${install}` };
  if (probe.status !== 0) return { ok: false, reason: `${PYTHON} cannot import ${modules.join(', ')}: ${probe.stderr.trim().split('\n').at(-1)}; ${install}` };
  return { ok: true };
}

/**
 * Declares the end-to-end suite of a Python fixture: run when its Debian packages import; otherwise skipped with
 * the install command, except in CI, where a missing package is a failing test.
 */
export function describeWithPython(app: string, python: ReturnType<typeof pythonModules>, title: string, body: () => void): void {
  if (python.ok) {
    describe.concurrent(title, { timeout: TEST_TIMEOUT_MS }, body);
  } else if (process.env.CI) {
    describe(`${app}, end to end`, () => {
      it('has the Debian packages .ci/run installs', () => {
        throw new Error(`CI must run the ${app} e2e tests: ${python.reason}`);
      });
    });
  } else {
    console.warn(`${app} e2e tests skipped: ${python.reason}`);
    describe.skip(`${app}, end to end (skipped: ${python.reason})`, () => {
      it('runs specgate against the app', () => undefined);
    });
  }
}

/** A server the test started, its base URL, and how to stop it. */
export interface Started {
  baseUrl: string;
  /** What the server announced besides its port (Python fixtures print one JSON line). */
  info: Record<string, unknown>;
  /** The server's stderr so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts a Python fixture app (`test/fixtures/python/<script>`) with /usr/bin/python3: it binds 127.0.0.1 port 0
 * and prints `{"port": N, …}`; then waits until `readyPath` answers. Bounded: the announcement within 20 s, readiness
 * within 10 s; the process exits when its stdin closes, and `stop` kills it (SIGTERM, then SIGKILL after 3 s).
 */
export async function startPython(script: string, env: Record<string, string>, readyPath: string): Promise<Started> {
  const child = spawn(PYTHON, [path.join(PYTHON_FIXTURES, script)], {
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const stop = () => stopChild(child);
  try {
    const info = await announcement(child, () => stderr);
    const baseUrl = `http://127.0.0.1:${Number(info.port)}`;
    await waitReady(`${baseUrl}${readyPath}`, child, () => stderr);
    return { baseUrl, info, log: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Serves a Node app (http.Server) on 127.0.0.1 port 0. */
export async function startNode(server: Server): Promise<Started> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    info: {},
    log: () => '',
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function announcement(child: ChildProcess, log: () => string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => done(new Error(`no port announced within ${ANNOUNCE_MS} ms; stderr:\n${log()}`)), ANNOUNCE_MS);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.trim().startsWith('{'));
      if (!line) return;
      try {
        done(undefined, JSON.parse(line) as Record<string, unknown>);
      } catch (error) {
        done(error as Error);
      }
    };
    const onExit = (code: number | null) => done(new Error(`the fixture exited (${code}) before announcing its port; stderr:\n${log()}`));
    function done(error: Error | undefined, info?: Record<string, unknown>) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(info!);
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the fixture exited (${child.exitCode}); stderr:\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`${url} was not ready within ${READY_MS} ms (${last}); stderr:\n${log()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
  await Promise.race([exited, sleep(2 * STOP_MS)]);
  clearTimeout(timer);
}

export interface GateRun {
  baseUrl: string;
  config: ConfigInput;
  /** A spec file, or a document to write to one; without either specgate discovers it from the base URL. */
  spec?: string | Record<string, unknown>;
  maxWait?: number;
  env?: Record<string, string>;
}

export interface GateResult {
  code: number | null;
  stdout: string;
  stderr: string;
  report: Report;
  /** The set of failed (or errored) check ids, sorted. */
  failed: string[];
}

/**
 * Runs `specgate run` — every suite, destructive methods allowed, JSON report — in a child process against the
 * server; killed after 150 s.
 */
export async function runGate(run: GateRun): Promise<GateResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'specgate-frameworks-'));
  try {
    const configFile = path.join(dir, 'specgate.config.json');
    const json = path.join(dir, 'report.json');
    await writeFile(configFile, JSON.stringify(run.config, null, 2));
    let spec = run.spec;
    if (typeof spec === 'object') {
      const file = path.join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(spec, null, 2));
      spec = file;
    }
    const args = [
      '--import', 'tsx', MAIN, 'run',
      '--config', configFile,
      '--base-url', run.baseUrl,
      ...(spec ? ['--spec', spec] : []),
      '--suite', 'paths,auth,tenancy,throttle,errors',
      '--allow-destructive',
      '--max-wait', String(run.maxWait ?? 10),
      '--json', json,
    ];
    const { code, stdout, stderr } = await spawnBounded(process.execPath, args, { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...run.env });
    let report: Report;
    try {
      report = JSON.parse(await readFile(json, 'utf8')) as Report;
    } catch {
      throw new Error(`specgate wrote no report (exit ${code}):\n${stderr}\n${stdout.slice(-4000)}`);
    }
    return { code, stdout, stderr, report, failed: failedChecks(report) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnBounded(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One line per failed result, for assertion messages: `check operation (identity): message`. */
export function describeFailures(report: Report): string {
  return report.results
    .filter((r) => r.outcome === 'fail' || r.outcome === 'error')
    .map((r) => `${r.check} ${r.operation}${r.identity ? ` (${r.identity})` : ''}: ${r.message}`)
    .join('\n');
}

/** At most `limit` async jobs at a time (modes of one framework run side by side, not all at once). */
function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** One gate run per mode, at most two at a time, shared by every test that asks for that mode. */
export function oncePerMode<M, R>(run: (mode: M) => Promise<R>): (mode: M) => Promise<R> {
  const gate = limiter(2);
  const runs = new Map<M, Promise<R>>();
  return (mode) => {
    let pending = runs.get(mode);
    if (!pending) runs.set(mode, (pending = gate(() => run(mode))));
    return pending;
  };
}

/** The failed results of one check. */
export function failedResults(result: GateResult, check: string): Result[] {
  return resultsOf(result.report, check).filter((r) => r.outcome === 'fail');
}
