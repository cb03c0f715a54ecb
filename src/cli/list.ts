import pc from 'picocolors';
import type { CheckRegistry } from '../checks/registry.js';
import type { Config } from '../config/schema.js';
import { planContract } from '../run/plan.js';
import type { ApiSpec } from '../spec/model.js';
import type { RunFlags } from './args.js';
import { setUp } from './setup.js';

/** `specgate list`: operations and the checks planned for each; sends nothing. */
export async function listCommand(flags: RunFlags): Promise<number> {
  const { config, spec, registry } = await setUp(flags, { needBaseUrl: false });
  printPlan(spec, config, registry, flags);
  return 0;
}

export function printPlan(spec: ApiSpec, config: Config, registry: CheckRegistry, flags: RunFlags): void {
  const { plan, apiChecks } = planContract(spec, config, registry, flags.selection, flags.allowDestructive);
  const lines = [pc.bold(`${spec.title} ${spec.version}`) + pc.dim(` — OpenAPI ${spec.openapi}, ${plan.length} operations`)];
  for (const { operation, checks } of plan) {
    lines.push(`${operation.key}${operation.operationId ? pc.dim(`  (${operation.operationId})`) : ''}`);
    for (const check of checks) lines.push(check.skip ? pc.dim(`    ○ ${check.id} — ${check.skip}`) : `    • ${check.id}`);
  }
  if (apiChecks.length > 0) lines.push(`API-wide: ${apiChecks.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
