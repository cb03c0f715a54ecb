import type { CheckDefinition } from '../check.js';
import { skip } from '../result.js';
import { counted, perOperation } from './aggregate.js';
import { probeRequests, leakOf } from './claims.js';
import { observedResponses } from './observed.js';

export const serverError: CheckDefinition = {
  id: 'errors.server-error',
  family: 'errors',
  title: 'Nothing specgate sends gets a 5xx',
  severity: 'error',
  scope: 'observe',
  explain: {
    asserts:
      'No request any suite sent, valid or not, was answered with a 5xx. Responses that leak a trace (errors.no-stack-trace) and errors.bad-input probes are judged by those checks; a 501 for a method on an undocumented route is left to paths.method-not-allowed.',
    why: 'A 5xx says the server failed, not the client: an unhandled exception, a crash on unexpected input, or a broken dependency. Every 5xx a test client can provoke is a bug, and often a denial-of-service lever.',
    references: ['RFC 9110 §15.6 (5xx Server Error)', 'OWASP API4:2023 Unrestricted Resource Consumption'],
    fix: 'Find the exception in the server log by the request id; validate input before using it and answer 4xx for what the client got wrong.',
  },
  async run(ctx) {
    const probes = await probeRequests(ctx);
    const findings = perOperation(
      await observedResponses(ctx),
      ({ exchange, operation }) => {
        const status = exchange.response.status;
        if (probes.has(exchange.request) || leakOf(exchange.response)) return undefined;
        if (status === 501 && !operation) return undefined;
        if (status < 500) return { ok: true };
        return { ok: false, problem: `the server failed (${status}) on a request it should have answered` };
      },
      {
        noun: 'responses',
        verb: 'are server errors',
        passed: (count, statuses) => `no 5xx among ${counted(count, 'response')} (${statuses})`,
        hint: ({ exchange }) => {
          const id = Object.entries(exchange.request.headers).find(([name]) => /request[-_]?id/i.test(name))?.[1];
          return `look up the exception in the server log${id ? ` (request id ${id})` : ''}; answer 4xx for what the client got wrong and fix the crash`;
        },
      },
    );
    return findings.length > 0 ? findings : [skip('no responses were observed', '--suite paths,auth,errors')];
  },
};
