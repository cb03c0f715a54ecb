import { resolveConfig, setUp } from '../cli/setup.js';
import type { CheckRegistry } from '../checks/registry.js';
import { parseConfig } from '../config/load.js';
import type { Config, ConfigInput } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { AppLike } from '../http/client.js';
import { readBaseline, type BaselineEntry } from '../report/baseline.js';
import type { FailOn } from '../report/model.js';
import type { ApiSpec } from '../spec/model.js';

/** Where the contract comes from and what to run; the vitest counterpart of the `specgate run` flags. */
export interface ContractOptions {
  /** A config file or a config object; default `$SPECGATE_CONFIG`, else `specgate.config.*` in the working directory. */
  config?: string | ConfigInput;
  /**
   * The API under test: a base URL, or an app run in-process on 127.0.0.1 (an `http.Server`, a request handler
   * such as an Express app, or a Fastify instance). Default `$SPECGATE_BASE_URL`, else the config's `baseUrl`.
   */
  target?: string | AppLike;
  /** Families to run, like `--suite` (default: every family the config enables). */
  suites?: string[];
  /** Check ids to run, like `--check`. */
  checks?: string[];
  /** Which findings fail a test, like `--fail-on` (default `error`). */
  failOn?: FailOn;
  /** Also send POST/PUT/PATCH/DELETE, like `--allow-destructive`. */
  allowDestructive?: boolean;
  /** Longest Retry-After or throttle-recovery wait, in seconds (default 65). */
  maxWaitSeconds?: number;
}

/** A resolved contract: the loaded config, spec, checks and target, and the baseline when the config names one. */
export interface ContractSetup {
  config: Config;
  spec: ApiSpec;
  registry: CheckRegistry;
  target: string | AppLike;
  baseline: BaselineEntry[];
}

/** Loads what `describeContract` and `openContract` need, the way `specgate run` does. */
export async function resolveContract(options: ContractOptions): Promise<ContractSetup> {
  const env = process.env;
  const config =
    typeof options.config === 'object'
      ? parseConfig(options.config, 'the config object')
      : await resolveConfig({ config: options.config ?? env.SPECGATE_CONFIG });
  const app = typeof options.target === 'string' ? undefined : options.target;
  const baseUrl = typeof options.target === 'string' ? options.target : app ? undefined : env.SPECGATE_BASE_URL;
  const target = app ?? baseUrl ?? config.baseUrl;
  if (target === undefined) {
    throw new UsageError('SPECGATE_USAGE', 'specgate/vitest has no API to test', { hint: 'pass target (a base URL or an app), set $SPECGATE_BASE_URL, or set baseUrl in the config' });
  }
  const { spec, registry } = await setUp({ baseUrl }, { needBaseUrl: false, config });
  const baseline = config.baseline ? await readBaseline(config.baseline) : [];
  return { config, spec, registry, target, baseline };
}
