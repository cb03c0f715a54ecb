import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES, loadConfigFile, parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { CheckRegistry } from '../checks/registry.js';
import { registryFor } from '../config/suites.js';
import { UsageError } from '../errors.js';
import { discoverSpec } from '../spec/discover.js';
import { loadSpec } from '../spec/load.js';
import type { ApiSpec } from '../spec/model.js';
import type { RunFlags } from './args.js';
import { assertAllowed } from './allowlist.js';
import { fetchText } from './fetch-text.js';

export interface Setup {
  config: Config;
  spec: ApiSpec;
  baseUrl: string | undefined;
  /** The built-in checks and those of the config's suites. */
  registry: CheckRegistry;
}

/** The config: --config, else a specgate.config.* in the working directory, else the defaults. */
export async function resolveConfig(flags: Pick<RunFlags, 'config'>, cwd = process.cwd()): Promise<Config> {
  const configFile = flags.config ?? CONFIG_FILES.map((name) => path.join(cwd, name)).find((file) => existsSync(file));
  return configFile ? loadConfigFile(configFile) : parseConfig({}, '(no config file)');
}

export type SetupFlags = Pick<RunFlags, 'config' | 'spec' | 'baseUrl' | 'concurrency' | 'timeout'>;

/**
 * Resolves config (given, flag, discovered file or none), base URL and spec (flag, config, or discovered),
 * and loads the config's suites.
 */
export async function setUp(flags: SetupFlags, options: { needBaseUrl: boolean; cwd?: string; config?: Config }): Promise<Setup> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await resolveConfig(flags, cwd));
  if (flags.concurrency !== undefined) config.concurrency = flags.concurrency;
  if (flags.timeout !== undefined) config.timeout = flags.timeout;
  const baseUrl = flags.baseUrl ?? config.baseUrl;
  if (baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new UsageError('SPECGATE_USAGE', `--base-url ${baseUrl}: expected an http(s) URL such as http://127.0.0.1:8000`);
  }
  if (options.needBaseUrl && baseUrl === undefined) {
    throw new UsageError('SPECGATE_USAGE', 'no base URL: pass --base-url or set "baseUrl" in the config', {
      hint: 'e.g. specgate run --base-url http://127.0.0.1:8000 --spec ./openapi.json',
    });
  }
  let source = flags.spec ?? config.spec;
  if (source === undefined) {
    if (baseUrl === undefined) {
      throw new UsageError('SPECGATE_USAGE', 'no spec: pass --spec PATH|URL, set "spec" in the config, or give --base-url to discover it');
    }
    source = await discoverSpec(baseUrl, fetchText(allowedHosts(config, baseUrl), config.timeout));
  }
  const isUrl = /^https?:\/\//.test(source);
  if (isUrl) assertAllowed(source, allowedHosts(config, baseUrl));
  const spec = await loadSpec(isUrl ? source : path.resolve(cwd, source), { fetch: fetchText(allowedHosts(config, baseUrl), config.timeout) });
  return { config, spec, baseUrl, registry: await registryFor(config) };
}

function allowedHosts(config: Config, baseUrl: string | undefined): string[] {
  return [...config.safety.allowHosts, ...(baseUrl ? [new URL(baseUrl).host, new URL(baseUrl).hostname] : [])];
}
