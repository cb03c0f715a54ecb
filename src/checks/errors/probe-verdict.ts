import type { Exchange } from '../../http/exchange.js';
import type { Severity } from '../result.js';
import type { Probe } from './bad-input-probes.js';

/** How a probe's answer reads: as a correct rejection, a fault, or something that says nothing about input handling. */
export type ProbeVerdict =
  | { kind: 'pass'; text: string }
  | { kind: 'fail'; text: string; severity: Severity }
  | { kind: 'inconclusive'; text: string };

const NOT_ABOUT_INPUT = new Set([401, 403, 407, 429]);

/**
 * Judges a probe's status: an expected 4xx passes; a 2xx (accepted) or 5xx (crashed) fails; another 4xx is a
 * warning. A 4xx the valid request got too (rejected anyway, resource missing, caller not allowed) proves nothing.
 */
export function judgeProbe(probe: Probe, exchange: Exchange, baselineStatus: number): ProbeVerdict {
  const status = exchange.response?.status;
  const expected = probe.expected.join(' or ');
  if (status === undefined) return { kind: 'inconclusive', text: `${probe.label} got no response (${exchange.error ?? 'no answer'})` };
  if (status === baselineStatus && (status === 400 || status === 422)) {
    return { kind: 'inconclusive', text: `${probe.label} → ${status}, as did the valid request` };
  }
  if (probe.expected.includes(status)) return { kind: 'pass', text: `${probe.label} → ${status}` };
  if (probe.ignorable && status >= 200 && status < 300) return { kind: 'pass', text: `${probe.label} → ${status} (ignored)` };
  if (status >= 500) return { kind: 'fail', text: `${probe.label} → ${status}, expected ${expected}: the server failed on input it should reject`, severity: 'error' };
  if (status >= 200 && status < 300) return { kind: 'fail', text: `${probe.label} → ${status}, expected ${expected}: the API accepted it`, severity: 'error' };
  if (status < 400 || NOT_ABOUT_INPUT.has(status) || status === baselineStatus) {
    return { kind: 'inconclusive', text: `${probe.label} → ${status}, as for reasons other than the input` };
  }
  return { kind: 'fail', text: `${probe.label} → ${status}, expected ${expected}`, severity: 'warning' };
}
