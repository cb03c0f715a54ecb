import type { CheckRegistry } from '../../src/checks/registry.js';
import type { Result } from '../../src/checks/result.js';
import { parseConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import { createClient, type AppLike } from '../../src/http/client.js';
import type { Report } from '../../src/report/model.js';
import { runContract, type RunOptions } from '../../src/run/run.js';
import type { Selection } from '../../src/run/select.js';
import { loadSpec } from '../../src/spec/load.js';

export interface ContractRun {
  spec: string;
  /** A server or app; started on 127.0.0.1 port 0 and closed afterwards. */
  app: AppLike;
  config?: ConfigInput;
  selection?: Selection;
  allowDestructive?: boolean;
  maxWaitSeconds?: number;
  registry?: CheckRegistry;
}

/** Runs the real engine against a real server and returns the report. */
export async function runAgainst(run: ContractRun): Promise<Report> {
  const spec = await loadSpec(run.spec);
  const config = parseConfig(run.config ?? {}, 'test config');
  const client = await createClient(run.app, { timeoutMs: 5_000 });
  try {
    const options: RunOptions = { spec, config, client, selection: run.selection ?? {}, allowDestructive: run.allowDestructive ?? false, maxWaitSeconds: run.maxWaitSeconds ?? 5 };
    if (run.registry) options.registry = run.registry;
    return await runContract(options);
  } finally {
    await client.close();
  }
}

/** `check operation` for every failed (or errored) result, sorted: the verdict tests compare. */
export function failures(report: Report): string[] {
  return report.results
    .filter((r) => r.outcome === 'fail' || r.outcome === 'error')
    .map((r) => `${r.check} ${r.operation}`)
    .sort();
}

/** The set of check ids that failed. */
export function failedChecks(report: Report): string[] {
  return [...new Set(report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error').map((r) => r.check))].sort();
}

export function resultsOf(report: Report, check: string): Result[] {
  return report.results.filter((r) => r.check === check);
}
