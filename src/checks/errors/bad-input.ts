import type { Exchange } from '../../http/exchange.js';
import { isPublic } from '../../spec/model.js';
import type { CheckDefinition } from '../check.js';
import { errored, fail, pass, skip, type Finding } from '../result.js';
import { badInputProbes, hasInputToBreak, type Probe } from './bad-input-probes.js';
import { probeRequests } from './claims.js';
import { judgeProbe, type ProbeVerdict } from './probe-verdict.js';

export const badInput: CheckDefinition = {
  id: 'errors.bad-input',
  family: 'errors',
  title: 'Bad input gets a 4xx, never a 2xx or 5xx',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts:
      'Copies of a valid request with one thing wrong are rejected: malformed JSON → 400 (422 as FastAPI does); an undocumented Content-Type → 415 (400, 422 allowed); a required field left out or a field of the wrong type → 400 or 422; each typed path parameter of the wrong type → 400, 404 or 422. Never 2xx, never 5xx. Up to three typed query parameters (optional ones too) of the wrong type → 400, 404 or 422, or ignored (2xx); never 5xx. Operations with unsafe methods are probed only with --allow-destructive or when listed in safety.safeOperations. Operations without a body or typed path or query parameter get no result, but their valid request is still sent so the other errors checks see it.',
    why: 'An API that accepts malformed input stores garbage or acts on defaults the client never chose; one that answers 5xx crashes on input anyone can send (a denial-of-service lever) and hides the client’s mistake from the client.',
    references: ['RFC 9110 §15.5.1 (400)', 'RFC 9110 §15.5.16 (415)', 'RFC 9110 §15.5.21 (422)', 'OWASP API8:2023 Security Misconfiguration'],
    fix: 'Validate every request against the documented schema (parameters, Content-Type, body) before the handler runs, and map parser and validation errors to 400/415/422 in the API’s error format.',
  },
  async run(ctx) {
    const operation = ctx.operation!;
    const breakable = hasInputToBreak(operation);
    if (!ctx.mayCall(operation)) {
      if (!breakable) return [];
      return [
        skip(
          `${operation.method.toUpperCase()} is not a safe method: bad-input probes are sent only with --allow-destructive or when the operation is in safety.safeOperations`,
          '--allow-destructive (or safety.safeOperations)',
        ),
      ];
    }
    // The valid request is sent for every operation: the errors observers judge it even when there is no input to break.
    const primary = await ctx.primary(operation);
    if (!breakable) return [];
    if ('skip' in primary) return [skip(`no valid request to start from: ${primary.skip}`, primary.enableWith)];
    const baseline = primary.exchange.response?.status;
    if (baseline === undefined) return [errored(`no response to a valid request: ${primary.exchange.error}`, { exchange: primary.exchange })];
    // A public operation refusing the sampled content (a login's made-up password) still parses it first.
    if ((baseline === 401 || baseline === 403) && !isPublic(operation)) {
      return [skip(`a valid request answered ${baseline}: authorisation runs before input validation, so bad input cannot be judged`, 'identities', { exchange: primary.exchange })];
    }
    const sampled = ctx.sample(operation, { tenant: primary.identity?.tenant });
    if ('missing' in sampled) return [skip(`no value for ${sampled.missing.join(', ')}`, `fixtures.default.${sampled.missing[0]}`)];
    const probes = badInputProbes(operation, sampled.request);
    if (probes.length === 0) return [skip('the valid request has no body or typed path parameter to get wrong', 'a request body example or schema in the document')];
    const sent = await probeRequests(ctx);
    const results = await Promise.all(
      probes.map(async (probe) => {
        const exchange = await ctx.send(probe.request, { identity: primary.identity });
        sent.add(exchange.request);
        return { probe, exchange, verdict: judgeProbe(probe, exchange, baseline) };
      }),
    );
    return [conclude(`${operation.method.toUpperCase()} ${operation.serverPath}${operation.path}`, results)];
  },
};

interface ProbeResult {
  probe: Probe;
  exchange: Exchange;
  verdict: ProbeVerdict;
}

function conclude(target: string, results: ProbeResult[]): Finding {
  const texts = (kind: ProbeVerdict['kind']) => results.filter((r) => r.verdict.kind === kind).map((r) => r.verdict.text);
  const failures = results.filter((r): r is ProbeResult & { verdict: { kind: 'fail' } } => r.verdict.kind === 'fail');
  const passed = texts('pass');
  const inconclusive = texts('inconclusive');
  const aside = [passed.length > 0 ? `rejected as expected: ${passed.join(', ')}` : '', inconclusive.length > 0 ? `inconclusive: ${inconclusive.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  const first = failures[0];
  if (first) {
    const severity = failures.some((f) => f.verdict.severity === 'error') ? 'error' : 'warning';
    return fail(`${target}: ${failures.map((f) => f.verdict.text).join('; ')}${aside ? ` (${aside})` : ''}`, first.probe.hint, { exchange: first.exchange, severity });
  }
  if (passed.length === 0) {
    return skip(`${target}: no probe could be judged: ${inconclusive.join('; ')}`, 'fixtures, identities, or a request body example the API accepts');
  }
  return pass(`${target}: ${aside}`, { exchange: results.find((r) => r.verdict.kind === 'pass')!.exchange });
}
