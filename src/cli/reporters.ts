import path from 'node:path';
import { consoleReporter, summaryLine } from '../report/console.js';
import { githubReporter } from '../report/github.js';
import { htmlReporter } from '../report/html.js';
import { jsonReporter } from '../report/json.js';
import { junitReporter } from '../report/junit.js';
import type { Reporter } from '../report/reporter.js';
import type { RunFlags } from './args.js';

export type ReporterFlags = Pick<RunFlags, 'reporters' | 'out' | 'json' | 'junit' | 'html' | 'verbose'>;

/**
 * The reporters the flags ask for: each named one, and a file reporter for each of --json, --junit, --html
 * (named without a file, they write specgate.json, specgate-junit.xml, specgate.html under --out). The
 * console reporter comes last, or at least its summary line does: every run ends with it.
 */
export function buildReporters(flags: ReporterFlags, context: { specFile?: string | undefined } = {}): Reporter[] {
  const out = flags.out ?? '.';
  const named = new Set(flags.reporters);
  const reporters: Reporter[] = [];
  const file = (flag: string | undefined, name: 'json' | 'junit' | 'html', fallback: string) => flag ?? (named.has(name) ? path.join(out, fallback) : undefined);
  const json = file(flags.json, 'json', 'specgate.json');
  if (json) reporters.push(jsonReporter(json));
  const junit = file(flags.junit, 'junit', 'specgate-junit.xml');
  if (junit) reporters.push(junitReporter(junit));
  const html = file(flags.html, 'html', 'specgate.html');
  if (html) reporters.push(htmlReporter(html));
  if (named.has('github')) reporters.push(githubReporter({ specFile: context.specFile }));
  reporters.push(named.has('console') ? consoleReporter({ verbose: flags.verbose }) : { onReport: (report) => void process.stdout.write(`${summaryLine(report.summary)}\n`) });
  return reporters;
}
