import type { TestContext } from 'vitest';
import type { Result } from '../checks/result.js';
import { evidenceText } from '../report/evidence.js';
import { blockingResults, type FailOn } from '../report/model.js';

/** A contract finding that fails a vitest test; its message is the finding, not a stack trace. */
export class ContractFailure extends Error {
  override name = 'ContractFailure';

  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Turns one task's results into the test's outcome: it fails with every blocking finding (message, hint,
 * evidence), is skipped when nothing could be checked (with the reason and what would enable it), and
 * passes otherwise; non-blocking failures (warnings, accepted by the baseline) become annotations.
 */
export async function settle(results: readonly Result[], context: TestContext, failOn: FailOn): Promise<void> {
  const blocking = blockingResults(results, failOn);
  if (blocking.length > 0) throw new ContractFailure(blocking.map(findingText).join('\n\n'));
  for (const result of results.filter((r) => r.outcome === 'fail')) {
    await context.annotate(findingText(result), result.accepted ? 'accepted by the baseline' : result.severity);
  }
  if (results.every((r) => r.outcome === 'skip')) {
    const reasons = [...new Set(results.map((r) => (r.enableWith ? `${r.message} (enable with ${r.enableWith})` : r.message)))];
    context.skip(reasons.join('; ') || 'the check does not apply');
  }
}

function findingText(result: Result): string {
  const who = result.identity ? ` as ${result.identity}` : '';
  const lines = [`${result.check} on ${result.operation === '*' ? 'the API' : result.operation}${who}: ${result.message}`];
  if (result.hint) lines.push(`Hint: ${result.hint}`);
  const evidence = evidenceText(result);
  if (evidence) lines.push(evidence);
  return lines.join('\n');
}
