#!/usr/bin/env node
import pc from 'picocolors';
import { registryFor } from '../config/suites.js';
import { isSpecgateError, UsageError } from '../errors.js';
import { parseRunFlags } from './args.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { listCommand } from './list.js';
import { mergeCommand } from './merge.js';
import { runCommand } from './run.js';
import { resolveConfig } from './setup.js';
import { USAGE } from './usage.js';

const COMMANDS = ['run', 'list', 'init', 'explain', 'merge'] as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    const { VERSION } = await import('../version.js');
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError('SPECGATE_USAGE', `unknown command "${command}"`, { hint: `commands: ${COMMANDS.join(', ')}` });
  }
  if (command === 'merge') return mergeCommand(rest);
  if (command === 'init') return initCommand(rest);
  const flags = parseRunFlags(rest);
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'explain') return explainCommand(await registryFor(await resolveConfig(flags)), flags.positionals[0]);
  if (flags.positionals.length > 0) throw new UsageError('SPECGATE_USAGE', `unexpected argument "${flags.positionals[0]}"`);
  if (command === 'list') return listCommand(flags);
  return runCommand(flags);
}

function report(error: unknown): number {
  if (isSpecgateError(error)) {
    process.stderr.write(`${pc.red('specgate:')} ${error.message}\n`);
    if (error.hint) process.stderr.write(`${pc.dim(`  hint: ${error.hint}`)}\n`);
    if (error instanceof UsageError && error.code === 'SPECGATE_USAGE') process.stderr.write(`${pc.dim(USAGE.split('\n')[0]!)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${pc.red('specgate: internal error:')} ${message}\n`);
  if (process.env.SPECGATE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
