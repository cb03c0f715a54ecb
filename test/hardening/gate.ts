import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/report/model.js';
import { startCli, type CliResult, type StartedCli } from '../cli/cli.js';
import { hostileConfig, type Credentials } from '../fixtures/hostile/config.js';
import { hostileDocument } from '../fixtures/hostile/openapi.js';

const PEAK_RSS = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));

/** Placeholder credentials for runs that are not about secrets. */
export const PLAIN: Credentials = { bearer: 'plain-bearer-token', tenantKey: 'plain-tenant-key', sig: 'plain-sig', tokenEnv: 'HARDENING_VIEWER_TOKEN', password: 'plain-password', cookie: 'plain-cookie' };

/** A temporary directory holding the hostile spec (its `servers` pointing at `serversUrl`) and a config for it. */
export interface Workspace {
  dir: string;
  spec: string;
  config: string;
  /** The environment the config's `${ENV}` references need. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function workspace(serversUrl: string, credentials: Credentials = PLAIN, viewerToken = 'plain-viewer-token'): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'specgate-hardening-'));
  const spec = path.join(dir, 'openapi.json');
  const config = path.join(dir, 'specgate.config.json');
  await writeFile(spec, JSON.stringify(hostileDocument(serversUrl)));
  await writeFile(config, JSON.stringify(hostileConfig(spec, credentials)));
  return { dir, spec, config, env: { [credentials.tokenEnv]: viewerToken }, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** What a CLI child did, how long it took and its peak resident set size. */
export interface Measured extends CliResult {
  ms: number;
  peakRssMiB: number;
}

/** Starts `specgate ARGS` with its peak RSS recorded at exit; `measured` settles when it has exited. */
export function startMeasured(args: string[], env: Record<string, string>, rssFile: string): { started: StartedCli; measured: Promise<Measured> } {
  const begin = performance.now();
  const started = startCli(args, { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PEAK_RSS}`.trim(), SPECGATE_PEAK_RSS_FILE: rssFile });
  const measured = started.done.then(async (result) => ({
    ...result,
    ms: Math.round(performance.now() - begin),
    peakRssMiB: Math.round(Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) / 1024),
  }));
  return { started, measured };
}

export async function readReport(file: string): Promise<Report> {
  return JSON.parse(await readFile(file, 'utf8')) as Report;
}

/** A line of a Node stack trace (`    at fn (file:line:col)`). */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
