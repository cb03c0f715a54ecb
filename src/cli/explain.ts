import pc from 'picocolors';
import type { CheckRegistry } from '../checks/registry.js';
import { UsageError } from '../errors.js';

/** `specgate explain CHECK_ID`: what the check asserts, why, the references and the usual fix. */
export function explainCommand(registry: CheckRegistry, id: string | undefined): number {
  if (!id) {
    const lines = registry.all().map((check) => `  ${check.id.padEnd(28)} ${check.title}`);
    process.stdout.write(`checks:\n${lines.join('\n')}\n\nspecgate explain CHECK_ID for details\n`);
    return 0;
  }
  const check = registry.get(id);
  if (!check) {
    const near = registry.all().filter((c) => c.id.startsWith(id.split('.')[0] ?? '')).map((c) => c.id);
    throw new UsageError('SPECGATE_USAGE', `unknown check "${id}"`, { hint: `known checks: ${(near.length > 0 ? near : registry.all().map((c) => c.id)).join(', ')}` });
  }
  const { explain } = check;
  process.stdout.write(
    [
      `${pc.bold(check.id)} — ${check.title} (${check.family}, severity ${check.severity})`,
      '',
      `${pc.bold('Asserts:')} ${explain.asserts}`,
      `${pc.bold('Why:')} ${explain.why}`,
      `${pc.bold('References:')} ${explain.references.join('; ')}`,
      `${pc.bold('Fix:')} ${explain.fix}`,
      '',
    ].join('\n'),
  );
  return 0;
}
