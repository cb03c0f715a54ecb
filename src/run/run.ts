import type { Result } from '../checks/result.js';
import type { Report } from '../report/model.js';
import { prepareRun, type RunOptions, type Task } from './prepare.js';
import { inWaves } from './waves.js';

export type { RunOptions } from './prepare.js';

/**
 * Runs the selected checks against the API and returns the report. The same engine serves the CLI and
 * the vitest suites.
 *
 * @example
 * const report = await runContract({ spec, config, client: await createClient('http://127.0.0.1:8000', {}) });
 * if (report.summary.failed > 0) process.exitCode = 1;
 */
export async function runContract(options: RunOptions): Promise<Report> {
  const started = performance.now();
  const { listener } = options;
  const run = prepareRun(options);
  const total = run.phases.reduce((sum, phase) => sum + phase.tasks.length, 0);
  listener?.({ type: 'start', operations: run.operations.length, checks: run.checks.length, tasks: total });
  const results: Result[] = [];
  let done = 0;
  const runTask = async (task: Task): Promise<Result[]> => {
    const converted = await run.runTask(task);
    done++;
    for (const result of converted) listener?.({ type: 'result', result, done, total });
    return converted;
  };
  for (const phase of run.phases) {
    if (phase.tasks.length === 0) continue;
    listener?.({ type: 'phase', name: phase.name });
    if (phase.sequential) for (const task of phase.tasks) results.push(...(await runTask(task)));
    else for (const wave of inWaves(phase.tasks)) for (const batch of await Promise.all(wave.map(runTask))) results.push(...batch);
  }
  const durationMs = Math.round(performance.now() - started);
  const report = run.report(results, durationMs);
  listener?.({ type: 'end', durationMs, requests: report.summary.requests });
  return report;
}
