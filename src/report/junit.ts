import { create } from 'xmlbuilder2';
import type { Result } from '../checks/result.js';
import { evidenceText } from './evidence.js';
import { writeReportFile } from './json.js';
import type { Report } from './model.js';
import type { Reporter } from './reporter.js';
import { groupBy } from './verdict.js';

/** How a result shows in JUnit: a failure the baseline accepts is a skipped test case. */
const kindOf = (result: Result): Result['outcome'] => (result.accepted ? 'skip' : result.outcome);

/**
 * JUnit XML as Jenkins and GitLab read it: one testsuite per check, one testcase per operation × check.
 * Failures accepted by the baseline are skipped test cases, so tools that gate on JUnit agree with specgate.
 */
export function renderJunit(report: Report): string {
  const total = (outcome: Result['outcome']) => report.results.filter((r) => kindOf(r) === outcome).length;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `specgate ${report.spec.title}`,
    tests: report.results.length,
    failures: total('fail'),
    errors: total('error'),
    skipped: total('skip'),
    time: (report.summary.durationMs / 1000).toFixed(3),
  });
  for (const [check, results] of groupBy(report.results, (r) => r.check)) {
    const count = (outcome: Result['outcome']) => results.filter((r) => kindOf(r) === outcome).length;
    const suite = root.ele('testsuite', {
      name: check,
      tests: results.length,
      failures: count('fail'),
      errors: count('error'),
      skipped: count('skip'),
    });
    for (const result of results) {
      const name = result.identity ? `${result.operation} as ${result.identity}` : result.operation;
      const testcase = suite.ele('testcase', { classname: check, name });
      const details = [result.message, result.hint && `Hint: ${result.hint}`, evidenceText(result)].filter(Boolean).join('\n');
      if (result.accepted) testcase.ele('skipped', { message: `accepted by the baseline: ${result.message}` });
      else if (result.outcome === 'fail') testcase.ele('failure', { message: result.message, type: result.severity }).txt(details);
      else if (result.outcome === 'error') testcase.ele('error', { message: result.message }).txt(details);
      else if (result.outcome === 'skip') {
        testcase.ele('skipped', { message: result.enableWith ? `${result.message} (enable with ${result.enableWith})` : result.message });
      }
    }
  }
  return root.end({ prettyPrint: true });
}

export function junitReporter(file: string): Reporter {
  return { onReport: (report) => writeReportFile(file, renderJunit(report)) };
}
