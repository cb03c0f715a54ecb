import { createClient } from '../http/client.js';
import { applyBaseline, baselineOf, readBaseline, writeBaseline } from '../report/baseline.js';
import { blockingResults, type Report } from '../report/model.js';
import { runContract } from '../run/run.js';
import type { RunFlags } from './args.js';
import { printPlan } from './list.js';
import { buildReporters } from './reporters.js';
import { setUp } from './setup.js';

/**
 * `specgate run`: returns the exit code. SIGINT, SIGTERM and --max-duration stop the run: nothing more is
 * sent and every reporter writes what finished (a second SIGINT or SIGTERM ends the process at once).
 */
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
  let stop: Stop | undefined;
  const stopWith = (reason: string, code: number) => () => {
    stop ??= { reason, code };
    controller.abort(new Error(stop.reason));
  };
  const onSigint = stopWith('the run was interrupted (SIGINT)', 130);
  const onSigterm = stopWith('the run was terminated (SIGTERM)', 143);
  const { maxDuration } = flags;
  const deadline = maxDuration === undefined ? undefined : setTimeout(stopWith(`the run reached --max-duration (${maxDuration} s)`, 1), maxDuration * 1000);
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
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
    if (stop) process.stderr.write(`specgate: ${stop.reason}; the report holds the checks that finished, the others are errored as not run\n`);
    if (flags.updateBaseline && stop) process.stderr.write(`specgate: ${flags.updateBaseline} left as it was: a partial run makes no baseline\n`);
    else if (flags.updateBaseline) {
      const entries = baselineOf(report, flags.failOn);
      await writeBaseline(flags.updateBaseline, entries);
      report = applyBaseline(report, entries);
    } else if (baseline) report = applyBaseline(report, baseline);
    for (const reporter of reporters) await reporter.onReport?.(report);
    if (stop) return stop.code;
    return blockingResults(report.results, flags.failOn).length > 0 ? 1 : 0;
  } finally {
    clearTimeout(deadline);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    await client.close();
  }
}

/** Why a run ended early, and the exit code it ends with: 130 on SIGINT, 143 on SIGTERM, 1 at --max-duration. */
interface Stop {
  reason: string;
  code: number;
}
