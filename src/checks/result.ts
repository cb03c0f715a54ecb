import type { Exchange } from '../http/exchange.js';

export type Outcome = 'pass' | 'fail' | 'skip' | 'error';
export type Severity = 'critical' | 'error' | 'warning';

/** What one check concluded about one operation (or the whole API), as it appears in every report. */
export interface Result {
  check: string;
  /** `METHOD /path/template`, or `*` for API-wide checks. */
  operation: string;
  identity?: string;
  outcome: Outcome;
  severity: Severity;
  message: string;
  hint?: string;
  /** For skipped results: the config key or flag that would let the check run. */
  enableWith?: string;
  evidence?: Evidence;
  /** Requests this check sent itself (throttle probes report this). */
  requests?: number;
  /** A known failure listed in the baseline: reported, but it does not fail the gate. */
  accepted?: boolean;
}

/** A redacted request and response, body capped, as reports show them. */
export interface Evidence {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  error?: string;
}

/** What a check function returns: the runner adds the check id, the operation and the default severity. */
export type Finding = Omit<Result, 'check' | 'operation' | 'severity' | 'evidence' | 'accepted'> & {
  severity?: Severity;
  exchange?: Exchange;
  /** The operation key the finding is about, for checks that do not run per operation (observers). */
  operation?: string;
};

/**
 * Findings a check returns: `pass(message)`, `fail(message, hint)`, `skip(message, enableWith)` (the config key
 * or flag that would let the check run), `errored(message)`; `extra` adds `exchange` (the evidence), `identity`
 * or a `severity` other than the check's.
 *
 * @example
 * return [status === 404 ? pass('answered 404') : fail(`answered ${status}`, 'answer 404 for other tenants', { exchange })];
 */
export const pass = (message: string, extra: Partial<Finding> = {}): Finding => ({ outcome: 'pass', message, ...extra });
export const fail = (message: string, hint: string, extra: Partial<Finding> = {}): Finding => ({
  outcome: 'fail',
  message,
  hint,
  ...extra,
});
export const skip = (message: string, enableWith: string, extra: Partial<Finding> = {}): Finding => ({
  outcome: 'skip',
  message,
  enableWith,
  ...extra,
});
export const errored = (message: string, extra: Partial<Finding> = {}): Finding => ({ outcome: 'error', message, ...extra });
