import pc from 'picocolors';
import type { Result } from '../checks/result.js';
import type { Report, ReportSummary } from './model.js';
import type { Reporter } from './reporter.js';
import { groupBy, worstOutcome } from './verdict.js';

export interface ConsoleOptions {
  write?: (text: string) => void;
  /** Progress line on stderr; on by default when stderr is a TTY. */
  progress?: boolean;
  /** Show every passing and skipped result, not only failures. */
  verbose?: boolean;
}

const MARK = { pass: pc.green('✓'), fail: pc.red('✗'), skip: pc.yellow('○'), error: pc.magenta('!') } as const;

/** Results grouped by check with counts, each failure with its hint; then the summary line. */
export function renderConsole(report: Report, verbose = false): string {
  const lines: string[] = [];
  const { spec } = report;
  lines.push(pc.bold(`specgate ${report.version}`) + pc.dim(` — ${spec.title} ${spec.version} (OpenAPI ${spec.openapi}, ${spec.operations} operations) at ${report.baseUrl}`), '');
  for (const [check, results] of groupBy(report.results, (r) => r.check)) {
    const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
    const worst = worstOutcome(results);
    const counts = [`${count('pass')} passed`, count('fail') && pc.red(`${count('fail')} failed`), count('error') && pc.magenta(`${count('error')} errored`), count('skip') && pc.yellow(`${count('skip')} skipped`)];
    lines.push(`${MARK[worst]} ${pc.bold(check)}  ${counts.filter(Boolean).join(pc.dim(' · '))}`);
    for (const result of results) {
      if (result.outcome === 'pass' && !verbose) continue;
      if (result.outcome === 'skip' && !verbose) continue;
      const who = result.identity ? pc.dim(` as ${result.identity}`) : '';
      const severity = result.outcome === 'fail' && result.severity !== 'error' ? pc.dim(` [${result.severity}]`) : '';
      const accepted = result.accepted ? pc.dim(' (accepted by the baseline)') : '';
      lines.push(`    ${MARK[result.outcome]} ${result.operation}${who}${severity}${accepted}  ${result.message}`);
      if (result.hint && result.outcome === 'fail') lines.push(pc.dim(`        hint: ${result.hint}`));
      if (result.enableWith && result.outcome === 'skip') lines.push(pc.dim(`        enable with: ${result.enableWith}`));
    }
    const skipped = results.filter((r) => r.outcome === 'skip');
    if (!verbose && skipped.length > 0) lines.push(pc.dim(`    skipped: ${skipReasons(skipped)}`));
  }
  const { summary } = report;
  const accepted = report.results.filter((r) => r.accepted).length;
  if (accepted > 0) lines.push('', pc.dim(`${accepted} of the failures are accepted by the baseline and do not fail the gate`));
  lines.push('', summaryLine(summary));
  lines.push(pc.dim(`${summary.requests} requests in ${(summary.durationMs / 1000).toFixed(2)} s`));
  return `${lines.join('\n')}\n`;
}

/** `N passed, N failed, N skipped` (and `, N errored` when any): the last word of every run. */
export function summaryLine(summary: ReportSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${summary.errored ? `, ${summary.errored} errored` : ''}`;
}

function skipReasons(skipped: Result[]): string {
  const reasons = new Map<string, number>();
  for (const result of skipped) {
    const key = result.enableWith ? `enable with ${result.enableWith}` : result.message;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  return [...reasons].slice(0, 3).map(([reason, n]) => `${n}× ${reason}`).join('; ') + (reasons.size > 3 ? '; …' : '');
}

export function consoleReporter(options: ConsoleOptions = {}): Reporter {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const progress = options.progress ?? Boolean(process.stderr.isTTY);
  return {
    onEvent(event) {
      if (!progress) return;
      if (event.type === 'result') process.stderr.write(`\r${pc.dim(`[${event.done}/${event.total}]`)} ${event.result.check} ${event.result.operation}`.slice(0, 110).padEnd(110));
      if (event.type === 'end') process.stderr.write(`\r${' '.repeat(110)}\r`);
    },
    onReport(report) {
      write(renderConsole(report, options.verbose ?? false));
    },
  };
}
