import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TIME_LIMIT_MS = 60_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface StartedCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Settles when the child has exited and its output is complete. */
  done: Promise<CliResult>;
}

/**
 * Starts the real CLI (`specgate ARGS`) in a child process, without colours and without the GitHub Actions
 * environment unless the test sets it; killed after a minute.
 */
export function startCli(args: string[], env: Record<string, string> = {}): StartedCli {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', GITHUB_ACTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs the real CLI to its end: see `startCli`. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

/** The last non-empty line that looks like the summary line, `N passed, N failed, N skipped`. */
export function summaryLine(stdout: string): string | undefined {
  return stdout.split('\n').filter((line) => /^\d+ passed, \d+ failed, \d+ skipped/.test(line)).at(-1);
}
