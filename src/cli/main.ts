#!/usr/bin/env node
import pc from 'picocolors';
import { isSpecgateError, UsageError } from '../errors.js';
import { parseRunFlags } from './args.js';
import { USAGE } from './usage.js';

// Commands are imported when called: a usage error or --help answers without loading the engine.

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
  if (command === 'merge') return (await import('./merge.js')).mergeCommand(rest);
  if (command === 'init') return (await import('./init.js')).initCommand(rest);
  const flags = parseRunFlags(rest);
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'explain') {
    const [{ explainCommand }, { registryFor }, { resolveConfig }] = await Promise.all([import('./explain.js'), import('../config/suites.js'), import('./setup.js')]);
    return explainCommand(await registryFor(await resolveConfig(flags)), flags.positionals[0]);
  }
  if (flags.positionals.length > 0) throw new UsageError('SPECGATE_USAGE', `unexpected argument "${flags.positionals[0]}"`);
  if (command === 'list') return (await import('./list.js')).listCommand(flags);
  return (await import('./run.js')).runCommand(flags);
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

main(process.argv.slice(2)).then(exit, (error: unknown) => exit(report(error)));

/** Exits once stdout and stderr are flushed: nothing a stopped check leaves behind (a timer, a socket) keeps specgate running. */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
