import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import type { FailOn } from '../report/model.js';
import type { Selection } from '../run/select.js';

const REPORTERS = ['console', 'json', 'junit', 'html', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface RunFlags {
  spec?: string | undefined;
  baseUrl?: string | undefined;
  config?: string | undefined;
  selection: Selection;
  reporters: ReporterName[];
  out?: string | undefined;
  json?: string | undefined;
  junit?: string | undefined;
  html?: string | undefined;
  concurrency?: number | undefined;
  timeout?: number | undefined;
  failOn: FailOn;
  /** Baseline file of accepted findings (overrides config `baseline`). */
  baseline?: string | undefined;
  /** Write the run's failures to this baseline file, then gate with it. */
  updateBaseline?: string | undefined;
  allowDestructive: boolean;
  maxWait: number;
  /** Longest the run may take, in seconds; on the bound it stops and reports what it has. */
  maxDuration?: number | undefined;
  dryRun: boolean;
  verbose: boolean;
  positionals: string[];
}

const OPTIONS = {
  spec: { type: 'string' },
  'base-url': { type: 'string' },
  config: { type: 'string' },
  suite: { type: 'string', multiple: true },
  check: { type: 'string', multiple: true },
  reporter: { type: 'string', multiple: true },
  out: { type: 'string' },
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  shard: { type: 'string' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'string' },
  'allow-destructive': { type: 'boolean' },
  'max-wait': { type: 'string' },
  'max-duration': { type: 'string' },
  'dry-run': { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses and validates command-line flags; every problem is a UsageError (exit 2). */
export function parseRunFlags(argv: string[]): RunFlags & { help: boolean } {
  const parsed = parseCommandLine({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const v = parsed.values;
  if (v.baseline !== undefined && v['update-baseline'] !== undefined) {
    throw usage('--baseline with --update-baseline: the run would gate with a baseline it replaces; give one of them');
  }
  const written = (['update-baseline', 'json', 'junit', 'html'] as const).find((flag) => v[flag] !== undefined);
  if (v['dry-run'] && written) throw usage(`--dry-run with --${written}: a dry run sends nothing, so there is nothing to write`);
  return {
    help: v.help ?? false,
    spec: v.spec,
    baseUrl: v['base-url'],
    config: v.config,
    selection: { suites: list(v.suite), checks: list(v.check), shard: v.shard === undefined ? undefined : parseShard(v.shard) },
    reporters: parseReporters(v.reporter),
    out: v.out,
    json: v.json,
    junit: v.junit,
    html: v.html,
    concurrency: v.concurrency === undefined ? undefined : positiveInt('--concurrency', v.concurrency, 256),
    timeout: v.timeout === undefined ? undefined : positiveInt('--timeout', v.timeout, 600_000),
    failOn: parseFailOn(v['fail-on']),
    baseline: v.baseline,
    updateBaseline: v['update-baseline'],
    allowDestructive: v['allow-destructive'] ?? false,
    maxWait: v['max-wait'] === undefined ? 65 : positiveInt('--max-wait', v['max-wait'], 3600, true),
    maxDuration: v['max-duration'] === undefined ? undefined : positiveInt('--max-duration', v['max-duration'], 86_400),
    dryRun: v['dry-run'] ?? false,
    verbose: v.verbose ?? false,
    positionals: parsed.positionals,
  };
}

/** node:util `parseArgs`, its errors turned into UsageErrors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw usage((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** `--reporter` values (repeatable, comma-separated); console when none is named. */
export function parseReporters(values: string[] | undefined): ReporterName[] {
  const names = list(values) ?? [];
  for (const name of names) {
    if (!(REPORTERS as readonly string[]).includes(name)) throw usage(`--reporter ${name}: expected one of ${REPORTERS.join(', ')}`);
  }
  return names.length > 0 ? (names as ReporterName[]) : ['console'];
}

export function parseFailOn(value: string | undefined): FailOn {
  const failOn = value ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw usage(`--fail-on ${failOn}: expected error or warning`);
  return failOn;
}

function list(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
}

function parseShard(value: string): { index: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) throw usage(`--shard ${value}: expected I/N with 1 <= I <= N, e.g. 2/4`);
  return { index, total };
}

function positiveInt(flag: string, value: string, max: number, zero = false): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max || (!zero && n === 0)) throw usage(`${flag} ${value}: expected a whole number ${zero ? 0 : 1}..${max}`);
  return n;
}

function usage(message: string): UsageError {
  return new UsageError('SPECGATE_USAGE', message);
}
