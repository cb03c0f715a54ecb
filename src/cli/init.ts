import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { stringify as toYaml } from 'yaml';
import { CONFIG_FILES, parseConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import { parseCommandLine } from './args.js';
import { setUp } from './setup.js';
import { describeScheme, starterConfig, type Starter } from './starter-config.js';
import { USAGE } from './usage.js';

const OPTIONS = {
  spec: { type: 'string' },
  'base-url': { type: 'string' },
  config: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `specgate init [--spec PATH|URL] [--base-url URL] [--config FILE] [--force]`: writes a starter config
 * (JSON, YAML or TypeScript by the file's extension; default ./specgate.config.json) from the spec.
 */
export async function initCommand(argv: string[], cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parseCommandLine({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('SPECGATE_USAGE', `unexpected argument "${positionals[0]}"`);
  const target = path.resolve(cwd, values.config ?? 'specgate.config.json');
  refuseToOverwrite(target, values.force ?? false);
  const { spec } = await setUp({ spec: values.spec, baseUrl: values['base-url'] }, { needBaseUrl: false, cwd, config: parseConfig({}, '(init)') });
  const specRef = /^https?:\/\//.test(spec.source) ? spec.source : relative(path.dirname(target), path.resolve(cwd, spec.source));
  const starter = starterConfig(spec, { spec: specRef, baseUrl: values['base-url'] });
  await writeFile(target, render(target, starter.config));
  process.stdout.write(summary(path.relative(cwd, target) || target, starter));
  return 0;
}

function refuseToOverwrite(target: string, force: boolean): void {
  const dir = path.dirname(target);
  const other = CONFIG_FILES.map((name) => path.join(dir, name)).find((file) => file !== target && existsSync(file));
  if (other) {
    throw new UsageError('SPECGATE_USAGE', `${other} already exists, and specgate would read it instead of a new ${path.basename(target)}`, {
      hint: `edit ${path.basename(other)}, or replace it with: specgate init --config ${path.basename(other)} --force`,
    });
  }
  if (existsSync(target) && !force) throw new UsageError('SPECGATE_USAGE', `${target} already exists`, { hint: 'pass --force to overwrite it' });
}

function render(file: string, config: Record<string, unknown>): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return toYaml(config);
  if (['.ts', '.mts', '.js', '.mjs'].includes(extension)) return `import { defineConfig } from 'specgate';\n\nexport default defineConfig(${JSON.stringify(config, null, 2)});\n`;
  if (extension === '.json') return `${JSON.stringify(config, null, 2)}\n`;
  throw new UsageError('SPECGATE_USAGE', `--config ${file}: expected a .json, .yaml, .yml, .ts, .mts, .js or .mjs file`);
}

function summary(file: string, starter: Starter): string {
  const lines = [`${pc.green('wrote')} ${file}`];
  const schemes = starter.schemes.map((s) => `${s.name} (${describeScheme(s)})`);
  lines.push(`  security schemes: ${schemes.join(', ') || 'none declared — auth checks will be skipped'}`);
  if (starter.env.length > 0) lines.push(`  secrets: export ${starter.env.join(', ')} (tokens, API keys, or user:password for basic)`);
  if (starter.roles.length > 0) lines.push(`  roles from x-roles: ${starter.roles.join(', ')}`);
  else lines.push('  roles: none in the document — add "roles" per operation (or x-roles) to check auth.role-forbidden');
  for (const [name, operations] of Object.entries(starter.fixtures)) lines.push(`  fixture ${name}: an existing value per tenant (used by ${operations.join(', ')})`);
  for (const login of starter.logins) lines.push(`  ${login} looks like a login: an identity may use "login": { "operation": "${login}", "body": {…}, "token": "/access_token" } instead of a static token`);
  lines.push('  rename the tenants, fill the placeholders, delete tenant-b for a single-tenant API, then: specgate run');
  return `${lines.join('\n')}\n`;
}

function relative(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
