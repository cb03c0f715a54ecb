import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { mergeReports } from '../report/merge.js';
import { blockingResults } from '../report/model.js';
import { parseReport } from '../report/parse.js';
import { parseCommandLine, parseFailOn, parseReporters } from './args.js';
import { buildReporters } from './reporters.js';
import { USAGE } from './usage.js';

const OPTIONS = {
  reporter: { type: 'string', multiple: true },
  out: { type: 'string' },
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  spec: { type: 'string' },
  'fail-on': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `specgate merge REPORT.json ...`: joins the JSON reports of sharded runs and writes the merged report
 * with any reporter; exits 1 when the merged report fails the gate, like the unsharded run would.
 */
export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    throw new UsageError('SPECGATE_USAGE', 'merge needs the JSON reports to join', { hint: 'specgate merge shard-*.json --json merged.json --html merged.html' });
  }
  const reports = await Promise.all(positionals.map(async (file) => parseReport(await readReportText(file), file)));
  const merged = mergeReports(reports, positionals);
  const reporters = buildReporters(
    { reporters: parseReporters(values.reporter), out: values.out, json: values.json, junit: values.junit, html: values.html, verbose: values.verbose ?? false },
    { specFile: values.spec },
  );
  for (const reporter of reporters) await reporter.onReport?.(merged);
  return blockingResults(merged.results, parseFailOn(values['fail-on'])).length > 0 ? 1 : 0;
}

async function readReportText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError('SPECGATE_USAGE', `cannot read report ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`, {
      hint: 'pass the files that `specgate run --shard I/N --json FILE` wrote',
      cause: error,
    });
  }
}
