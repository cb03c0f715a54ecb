import type { CheckDefinition } from '../checks/check.js';
import type { Finding, Result } from '../checks/result.js';
import type { Operation } from '../spec/model.js';
import type { Redactor } from '../http/redact.js';

/**
 * Turns a check's finding into a report result: ids, default severity, redacted text, and evidence for the
 * results a reader has to act on (failed, errored, skipped) — passing results stay small.
 */
export function toResult(check: CheckDefinition, operation: Operation | undefined, finding: Finding, redactor: Redactor): Result {
  const { exchange, severity, operation: about, ...rest } = finding;
  const result: Result = {
    ...rest,
    check: check.id,
    operation: about ?? operation?.key ?? '*',
    severity: severity ?? check.severity,
    message: redactor.redactText(rest.message),
  };
  if (rest.hint !== undefined) result.hint = redactor.redactText(rest.hint);
  if (exchange && result.outcome !== 'pass') result.evidence = redactor.evidence(exchange);
  const throttled = exchange?.response?.status === 429;
  if (throttled && check.family !== 'throttle' && check.scope !== 'observe' && result.outcome === 'fail') {
    return {
      ...result,
      outcome: 'error',
      message: `the API kept answering 429 Too Many Requests after specgate backed off as Retry-After asked, so ${check.id} could not be verified`,
      hint: 'lower --concurrency, raise the limits for the test environment, or allow a longer --max-wait',
    };
  }
  return result;
}
