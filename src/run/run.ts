import type { Result } from '../checks/result.js';
import type { Report } from '../report/model.js';
import { prepareRun, type RunOptions, type Task } from './prepare.js';
import { inWaves } from './waves.js';

export type { RunOptions } from './prepare.js';

/**
 * Runs the selected checks against the API and returns the report. The same engine serves the CLI and
 * the vitest suites. When `signal` aborts, nothing more is sent and the report comes back at once: checks
 * that had not finished are errored with the abort reason ("not run: …", "not finished: …").
 *
 * @example
 * const report = await runContract({ spec, config, client: await createClient('http://127.0.0.1:8000', {}) });
 * if (report.summary.failed > 0) process.exitCode = 1;
 */
export async function runContract(options: RunOptions): Promise<Report> {
  const started = performance.now();
  const { listener, signal } = options;
  const run = prepareRun(options);
  const tasks = run.phases.flatMap((phase) => phase.tasks);
  const total = tasks.length;
  listener?.({ type: 'start', operations: run.operations.length, checks: run.checks.length, tasks: total });
  const finished = new Map<Task, Result[]>();
  const begun = new Set<Task>();
  let done = 0;
  let waiting = true;
  const settle = (converted: Result[]): Result[] => {
    done++;
    for (const result of converted) listener?.({ type: 'result', result, done, total });
    return converted;
  };
  const runTask = async (task: Task): Promise<void> => {
    begun.add(task);
    const converted = await run.runTask(task);
    if (waiting) finished.set(task, settle(converted));
  };
  // Once the signal aborts, the run waits for no check: what has not finished is reported as such.
  const stopped = signal && aborted(signal);
  for (const phase of run.phases) {
    if (phase.tasks.length === 0 || signal?.aborted) continue;
    listener?.({ type: 'phase', name: phase.name });
    for (const group of phase.sequential ? phase.tasks.map((task) => [task]) : inWaves(phase.tasks)) {
      if (signal?.aborted) break;
      const work = Promise.all(group.map(runTask));
      await (stopped ? Promise.race([work, stopped]) : work);
    }
  }
  waiting = false;
  const why = (task: Task) => `${begun.has(task) ? 'not finished' : 'not run'}: ${reasonOf(signal)}`;
  const results = tasks.flatMap((task) => finished.get(task) ?? settle(run.unfinished(task, why(task))));
  const durationMs = Math.round(performance.now() - started);
  const report = run.report(results, durationMs);
  listener?.({ type: 'end', durationMs, requests: report.summary.requests });
  return report;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function reasonOf(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason.message : String(reason);
}
