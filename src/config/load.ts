import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { importProjectModule } from './import-module.js';
import { configSchema, type Config } from './schema.js';

/** Config file names looked for in the working directory when --config is not given. */
export const CONFIG_FILES = ['specgate.config.ts', 'specgate.config.mts', 'specgate.config.js', 'specgate.config.mjs', 'specgate.config.json', 'specgate.config.yaml', 'specgate.config.yml'];

/**
 * Reads, interpolates (`${ENV}`) and validates a config file; every problem is reported with its key path.
 *
 * @example
 * const config = await loadConfigFile('./specgate.config.ts');
 */
export async function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const raw = await readConfigFile(file);
  return parseConfig(raw, file, env);
}

/**
 * Validates a config object (from a file or from code) and resolves `${ENV}` references; paths in it are
 * relative to `source` when that is a file path.
 *
 * @example
 * const config = parseConfig({ identities: { ci: { credentials: { bearer: '${API_TOKEN}' } } } }, 'inline config');
 */
export function parseConfig(raw: unknown, source: string, env: NodeJS.ProcessEnv = process.env): Config {
  const interpolated = interpolate(raw, env, [], source);
  const parsed = configSchema.safeParse(interpolated);
  if (!parsed.success) {
    throw new UsageError('SPECGATE_CONFIG_INVALID', `invalid config in ${source}:\n${formatIssues(parsed.error.issues)}`, {
      hint: 'see the Configuration section of the README for every key',
    });
  }
  const config = parsed.data;
  if (source.includes(path.sep)) {
    const relativeToFile = (file: string) => path.resolve(path.dirname(source), file);
    if (config.spec && !/^https?:\/\//.test(config.spec)) config.spec = relativeToFile(config.spec);
    config.suites = config.suites.map(relativeToFile);
    if (config.baseline) config.baseline = relativeToFile(config.baseline);
  }
  return config;
}

/** One line per zod issue: `key.path: message`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  - ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('\n');
}

async function readConfigFile(file: string): Promise<unknown> {
  const extension = path.extname(file).toLowerCase();
  try {
    if (extension === '.json') return JSON.parse(await readFile(file, 'utf8'));
    if (extension === '.yaml' || extension === '.yml') return parseYaml(await readFile(file, 'utf8'));
    if (['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(extension)) {
      const loaded = await importProjectModule(file);
      return typeof loaded === 'function' ? await (loaded as () => unknown)() : loaded;
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new UsageError('SPECGATE_CONFIG_INVALID', `cannot read config ${file}: ${reason}`, {
      hint: 'pass --config with a .ts, .js, .json or .yaml file, or run `specgate init` to write one',
      cause: error,
    });
  }
  throw new UsageError('SPECGATE_CONFIG_INVALID', `cannot read config ${file}: unknown file type "${extension}"`, {
    hint: 'use specgate.config.ts, .js, .json or .yaml',
  });
}

function interpolate(value: unknown, env: NodeJS.ProcessEnv, at: string[], source: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name];
      if (found === undefined) {
        throw new UsageError('SPECGATE_CONFIG_INVALID', `${source}: ${at.join('.')} refers to \${${name}}, which is not set in the environment`, {
          hint: `export ${name} before running specgate (CI: add it as a secret)`,
        });
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, [...at, String(i)], source));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, [...at, k], source)]));
  }
  return value;
}
