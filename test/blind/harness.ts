import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Result } from '../../src/checks/result.js';
import type { Report } from '../../src/report/model.js';
import { parseRunFlags } from '../../src/cli/args.js';
import { runCommand } from '../../src/cli/run.js';
import { runCli } from '../cli/cli.js';

export const ALL_SUITES = 'paths,auth,tenancy,throttle,errors';

/** A server under test on 127.0.0.1: where it listens, and how to stop it. */
export interface Started {
  origin: string;
  close(): Promise<void>;
}

export interface GateRun {
  code: number | null;
  stdout: string;
  stderr: string;
  report: Report;
}

export interface GateOptions {
  /** Appended to the server's origin: the base URL's path (`/v2`). */
  basePath?: string;
  /**
   * `process` (default) spawns `node --import tsx src/cli/main.ts run …`; `command` calls the same `run`
   * command (flag parser, config file loader, engine, reporters, exit code) in this process, which saves the
   * start-up of a process per run.
   */
  via?: 'process' | 'command';
  /** `--allow-destructive` (default true). */
  allowDestructive?: boolean;
}

/**
 * Runs `specgate run` (every suite, destructive requests allowed unless told otherwise, waits capped at 5 s, the JSON report) against
 * a freshly started server, with the config written to a temporary JSON file; the server is stopped after.
 */
export async function gate(config: ConfigInput | Promise<ConfigInput>, start: () => Promise<Started>, options: GateOptions = {}): Promise<GateRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'specgate-blind-'));
  const server = await start();
  try {
    const configFile = path.join(dir, 'specgate.config.json');
    const json = path.join(dir, 'report.json');
    await writeFile(configFile, JSON.stringify(await config));
    const base = `${server.origin}${options.basePath ?? ''}`;
    const destructive = options.allowDestructive === false ? [] : ['--allow-destructive'];
    const args = ['run', '--config', configFile, '--base-url', base, '--suite', ALL_SUITES, ...destructive, '--reporter', 'json', '--json', json, '--max-wait', '5'];
    const { code, stdout, stderr } = options.via === 'command' ? { code: await runCommand(parseRunFlags(args.slice(1))), stdout: '', stderr: '' } : await runCli(args);
    const report = JSON.parse(await readFile(json, 'utf8').catch(() => 'null')) as Report;
    if (!report) throw new Error(`specgate exited ${code} without a report:\n${stdout}\n${stderr}`);
    return { code, stdout, stderr, report };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `gates` with at most `concurrency` at once; settles every one (a failed gate becomes its error, so one
 * broken fixture does not hide the verdicts of the others).
 */
export async function allGates<K extends string>(gates: Record<K, () => Promise<GateRun>>, concurrency: number): Promise<Record<K, GateRun | Error>> {
  const keys = Object.keys(gates) as K[];
  const out = {} as Record<K, GateRun | Error>;
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      out[key] = await gates[key]().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  return out;
}

/** Results that fail the check (warnings included) or could not be verified. */
export function failing(report: Report): Result[] {
  return report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error');
}

/** The distinct check ids that failed or errored, sorted. */
export function failedIds(report: Report): string[] {
  return [...new Set(failing(report).map((r) => r.check))].sort();
}

/** One line per failing result, for assertion messages. */
export function describeFailures(report: Report): string {
  return failing(report)
    .map((r) => `${r.outcome} ${r.severity} ${r.check} ${r.operation ?? ''} ${r.identity ?? ''}: ${r.message}`)
    .join('\n');
}
