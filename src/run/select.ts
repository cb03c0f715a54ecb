import type { CheckDefinition } from '../checks/check.js';
import type { CheckRegistry } from '../checks/registry.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { ApiSpec, Operation } from '../spec/model.js';

export interface Selection {
  /** Families named with --suite. */
  suites?: string[] | undefined;
  /** Check ids named with --check. */
  checks?: string[] | undefined;
  /** `{ index, total }` from --shard I/N (index from 1). */
  shard?: { index: number; total: number } | undefined;
}

/**
 * The checks a run executes: explicit selection first; opt-in checks only when selected or configured.
 *
 * @throws UsageError for a check id or family the registry does not have: a typo must not pass a gate that checks nothing.
 */
export function selectChecks(registry: CheckRegistry, spec: ApiSpec, config: Config, selection: Selection): CheckDefinition[] {
  assertKnown(registry, selection, config);
  const include = selection.checks ?? config.checks.include;
  return registry.all().filter((check) => {
    if (config.checks.exclude.includes(check.id)) return false;
    const named = include?.includes(check.id) ?? false;
    const inSuite = selection.suites?.includes(check.family) ?? false;
    if (include && !named && !inSuite) return false;
    if (selection.suites && !inSuite && !named) return false;
    if (named || inSuite) return true;
    return check.optIn ? check.optIn(spec, config) : true;
  });
}

function assertKnown(registry: CheckRegistry, selection: Selection, config: Config): void {
  const families = registry.families();
  const suite = selection.suites?.find((name) => !families.includes(name));
  if (suite !== undefined) {
    throw new UsageError('SPECGATE_USAGE', `--suite ${suite}: no check family has that name`, { hint: `families: ${families.join(', ')}` });
  }
  const named = [...(selection.checks ?? []).map((id) => ({ id, where: '--check' })), ...(config.checks.include ?? []).map((id) => ({ id, where: 'checks.include' }))];
  const unknown = named.find(({ id }) => !registry.get(id));
  if (unknown) {
    throw new UsageError(unknown.where === '--check' ? 'SPECGATE_USAGE' : 'SPECGATE_CONFIG_INVALID', `${unknown.where} ${unknown.id}: no check has that id`, {
      hint: '`specgate explain` lists every check id',
    });
  }
}

/** Operations in scope: not excluded by config, and this shard's share (round-robin over sorted keys). */
export function selectOperations(spec: ApiSpec, config: Config, shard: Selection['shard']): Operation[] {
  const kept = spec.operations
    .filter((operation) => !config.exclude.some((pattern) => matchesPattern(operation.key, pattern)))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return shard ? kept.filter((_, i) => i % shard.total === shard.index - 1) : kept;
}

/** `GET /internal/*` style patterns: `*` matches any run of characters. */
export function matchesPattern(key: string, pattern: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 'i');
  return regex.test(key);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
