import { createClient } from '../http/client.js';
import { applyBaseline, baselineOf, readBaseline, writeBaseline } from '../report/baseline.js';
import { blockingResults, type Report } from '../report/model.js';
import { runContract } from '../run/run.js';
import type { RunFlags } from './args.js';
import { printPlan } from './list.js';
import { buildReporters } from './reporters.js';
import { setUp } from './setup.js';

/** `specgate run`: returns the exit code. */
export async function runCommand(flags: RunFlags): Promise<number> {
  const { config, spec, baseUrl, registry } = await setUp(flags, { needBaseUrl: !flags.dryRun });
  if (flags.dryRun) {
    printPlan(spec, config, registry, flags);
    return 0;
  }
  const baselineFile = flags.baseline ?? config.baseline;
  const baseline = baselineFile && !flags.updateBaseline ? await readBaseline(baselineFile) : undefined;
  const reporters = buildReporters(flags, { specFile: spec.source });
  const client = await createClient(baseUrl!, { timeoutMs: config.timeout, connections: config.concurrency });
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    let report: Report = await runContract({
      spec,
      config,
      client,
      registry,
      selection: flags.selection,
      allowDestructive: flags.allowDestructive,
      maxWaitSeconds: flags.maxWait,
      signal: controller.signal,
      listener: (event) => reporters.forEach((r) => r.onEvent?.(event)),
    });
    if (flags.updateBaseline) {
      const entries = baselineOf(report, flags.failOn);
      await writeBaseline(flags.updateBaseline, entries);
      report = applyBaseline(report, entries);
    } else if (baseline) report = applyBaseline(report, baseline);
    for (const reporter of reporters) await reporter.onReport?.(report);
    return blockingResults(report.results, flags.failOn).length > 0 || controller.signal.aborted ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await client.close();
  }
}
