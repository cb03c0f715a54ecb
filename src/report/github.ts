import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Result } from '../checks/result.js';
import type { Report } from './model.js';
import type { Reporter } from './reporter.js';
import { operationLines } from './spec-lines.js';
import { familyOf, groupBy } from './verdict.js';

/** GitHub shows at most this many annotations per step; the rest are in the job summary. */
const MAX_ANNOTATIONS = 50;
const MAX_SUMMARY_FAILURES = 100;

export interface GithubOptions {
  /** The spec file the annotations point at (a URL gets no file). */
  specFile?: string | undefined;
  /** Where the job summary goes; default `$GITHUB_STEP_SUMMARY` (nothing is written when unset). */
  summaryFile?: string | undefined;
  /** Where workflow commands go; default stdout. */
  write?: (text: string) => void;
}

/** Where an annotation points: the spec file (relative to the workspace) and each operation's line in it. */
export interface AnnotationTarget {
  file?: string;
  lines?: ReadonlyMap<string, number>;
}

/** `::error` / `::warning` workflow commands for the failures that are not accepted, at most 50. */
export function renderAnnotations(report: Report, target: AnnotationTarget = {}): string {
  const findings = report.results.filter((r) => (r.outcome === 'fail' && !r.accepted) || r.outcome === 'error');
  const commands = findings.slice(0, MAX_ANNOTATIONS).map((result) => {
    const level = result.outcome === 'fail' && result.severity === 'warning' ? 'warning' : 'error';
    const properties = [
      target.file && `file=${escapeProperty(target.file)}`,
      target.lines?.get(result.operation) && `line=${target.lines.get(result.operation)}`,
      `title=${escapeProperty(result.check)}`,
    ].filter(Boolean);
    return `::${level} ${properties.join(',')}::${escapeData(annotationText(result))}`;
  });
  if (findings.length > MAX_ANNOTATIONS) commands.push(`::notice title=specgate::${findings.length - MAX_ANNOTATIONS} more findings are listed in the job summary`);
  return commands.map((command) => `${command}\n`).join('');
}

/** The job summary: the summary line, a table per family with counts per check, then the failures. */
export function renderJobSummary(report: Report): string {
  const { summary, spec } = report;
  const lines = [
    `## specgate: ${cell(spec.title)} ${cell(spec.version)}`,
    '',
    `**${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped${summary.errored ? `, ${summary.errored} errored` : ''}** · ${spec.operations} operations · ${summary.requests} requests in ${(summary.durationMs / 1000).toFixed(2)} s`,
  ];
  for (const [family, results] of groupBy(report.results, (r) => familyOf(r.check))) {
    lines.push('', `### ${cell(family)}`, '', '| check | passed | failed | skipped | errored |', '|---|---:|---:|---:|---:|');
    for (const [check, checkResults] of groupBy(results, (r) => r.check)) {
      const count = (outcome: Result['outcome']) => checkResults.filter((r) => r.outcome === outcome).length;
      const mark = count('error') + count('fail') > 0 ? '❌' : count('pass') > 0 ? '✅' : '⏭️';
      lines.push(`| ${mark} \`${check}\` | ${count('pass')} | ${count('fail')} | ${count('skip')} | ${count('error')} |`);
    }
  }
  const failures = report.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error');
  if (failures.length > 0) {
    lines.push('', '### Findings', '', '| check | operation | finding | hint |', '|---|---|---|---|');
    for (const result of failures.slice(0, MAX_SUMMARY_FAILURES)) {
      const who = result.identity ? ` as ${cell(result.identity)}` : '';
      const status = result.accepted ? ' *(accepted by the baseline)*' : result.outcome === 'error' ? ' *(errored)*' : '';
      lines.push(`| \`${result.check}\` | \`${cell(result.operation)}\`${who} | ${cell(result.message)}${status} | ${cell(result.hint ?? '')} |`);
    }
    if (failures.length > MAX_SUMMARY_FAILURES) lines.push('', `…and ${failures.length - MAX_SUMMARY_FAILURES} more in the JSON report.`);
  }
  return `${lines.join('\n')}\n`;
}

/** Annotations on stdout and the job summary appended to $GITHUB_STEP_SUMMARY, for GitHub Actions. */
export function githubReporter(options: GithubOptions = {}): Reporter {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  return {
    async onReport(report) {
      write(renderAnnotations(report, await annotationTarget(report, options.specFile)));
      const summaryFile = options.summaryFile ?? process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) await appendFile(summaryFile, renderJobSummary(report));
    },
  };
}

async function annotationTarget(report: Report, specFile: string | undefined): Promise<AnnotationTarget> {
  if (!specFile || /^https?:\/\//.test(specFile)) return {};
  const file = path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), specFile).split(path.sep).join('/');
  try {
    return { file, lines: operationLines(await readFile(specFile, 'utf8'), new Set(report.results.map((r) => r.operation))) };
  } catch {
    return { file };
  }
}

function annotationText(result: Result): string {
  const who = result.identity ? ` as ${result.identity}` : '';
  const where = result.operation === '*' ? 'API-wide' : result.operation;
  return [`${where}${who}: ${result.message}`, result.hint && `Hint: ${result.hint}`].filter(Boolean).join('\n');
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Text safe in a markdown table cell: no pipes, no line breaks, no HTML from the API under test. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
