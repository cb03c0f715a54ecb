import path from 'node:path';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { builtinRegistry } from '../checks/builtin.js';
import type { CheckRegistry } from '../checks/registry.js';
import type { Suite } from '../checks/suite.js';
import { UsageError } from '../errors.js';
import { importProjectModule } from './import-module.js';
import { formatIssues } from './load.js';
import type { Config } from './schema.js';

const SUITE_SHAPE = 'a suite file has `export default defineSuite({ name, checks: [...] })` and imports nothing from vitest';

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

const suiteSchema = z.object({
  name: z.string().min(1),
  checks: z.array(
    z.looseObject({
      id: z.string(),
      family: z.string(),
      title: z.string(),
      severity: z.enum(['critical', 'error', 'warning']),
      scope: z.enum(['operation', 'api', 'observe']),
      explain: z.object({ asserts: z.string(), why: z.string(), references: z.array(z.string()), fix: z.string() }),
      run: z.custom(isFunction, 'expected the check function'),
    }),
  ),
});

/** The built-in checks plus those of every suite the config names: the registry of `run`, `list` and `explain`. */
export async function registryFor(config: Config): Promise<CheckRegistry> {
  const registry = builtinRegistry();
  for (const { file, suite } of await loadSuites(config.suites)) {
    for (const check of suite.checks) {
      try {
        registry.register(check);
      } catch (error) {
        throw new UsageError('SPECGATE_CONFIG_INVALID', `suite "${suite.name}" (${file}): ${(error as Error).message}`, {
          hint: 'give each custom check an id of its own, e.g. "<your-family>.<name>"',
        });
      }
    }
  }
  return registry;
}

/** Imports the suite files matched by the globs, in path order; a glob that matches nothing is an error. */
export async function loadSuites(patterns: readonly string[]): Promise<{ file: string; suite: Suite }[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const matched = await glob(pattern, { absolute: true, ignore: ['**/node_modules/**'] });
    if (matched.length === 0) {
      throw new UsageError('SPECGATE_CONFIG_INVALID', `suites: "${pattern}" matches no file`, {
        hint: 'suite globs are relative to the config file, e.g. "./contract/*.suite.ts"',
      });
    }
    files.push(...matched.sort());
  }
  const unique = [...new Set(files.map((file) => path.normalize(file)))];
  return Promise.all(unique.map(async (file) => ({ file, suite: await importSuite(file) })));
}

async function importSuite(file: string): Promise<Suite> {
  let exported: unknown;
  try {
    exported = await importProjectModule(file);
  } catch (error) {
    throw new UsageError('SPECGATE_CONFIG_INVALID', `cannot load suite ${file}: ${(error as Error).message}`, { hint: SUITE_SHAPE, cause: error });
  }
  const parsed = suiteSchema.safeParse(exported);
  if (!parsed.success) {
    throw new UsageError('SPECGATE_CONFIG_INVALID', `suite ${file} is not a suite:\n${formatIssues(parsed.error.issues)}`, { hint: SUITE_SHAPE });
  }
  return exported as Suite;
}
