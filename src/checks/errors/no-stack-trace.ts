import { disclosingHeaders } from '../../leaks/disclosing-headers.js';
import type { CheckDefinition } from '../check.js';
import { fail, skip, type Finding } from '../result.js';
import { counted, perOperation } from './aggregate.js';
import { leakOf } from './claims.js';
import { observedResponses, type Observed } from './observed.js';

export const noStackTrace: CheckDefinition = {
  id: 'errors.no-stack-trace',
  family: 'errors',
  title: 'No response leaks traces, debug pages or internal paths',
  severity: 'error',
  scope: 'observe',
  explain: {
    asserts:
      'No response body any suite received holds a stack trace (Node.js, Python, Java, .NET, Go, Ruby, PHP; two frames at least, so a lone frame in data does not count), a debug or default error page (Django DEBUG, the Werkzeug debugger, Express’s default error page, Spring Whitelabel, ASP.NET, Rails, Whoops), or — in error responses — a server file path. X-Powered-By and version-revealing Server headers are warnings.',
    why: 'Traces and debug pages show attackers the code paths, libraries and versions to target; the Werkzeug debugger even runs code. Version headers point scanners at known CVEs.',
    references: ['OWASP API8:2023 Security Misconfiguration', 'CWE-209 (Information Exposure Through an Error Message)', 'CWE-497'],
    fix: 'Run with debug off in every deployed environment; log the exception server-side with the request id and return the API’s error format with a generic message; remove X-Powered-By and the Server version.',
  },
  async run(ctx) {
    const observed = await observedResponses(ctx);
    if (observed.length === 0) return [skip('no responses were observed', '--suite paths,auth,errors')];
    const findings = perOperation(
      observed.filter(({ exchange }) => exchange.response.body !== ''),
      ({ exchange }) => {
        const leak = leakOf(exchange.response);
        if (!leak) return { ok: true };
        return { ok: false, problem: `the body holds ${leak.what}: ${JSON.stringify(leak.excerpt)}`, severity: leak.critical ? 'critical' : 'error' };
      },
      {
        noun: 'responses',
        verb: 'leak server internals',
        passed: (count, statuses) => `no trace, debug page or file path in ${counted(count, 'response body', 'response bodies')} (${statuses})`,
        hint: ({ exchange }) => hintFor(exchange.response.status),
      },
    );
    return withHeaderWarning(findings, observed);
  },
};

function hintFor(status: number): string {
  const crash = status >= 500 ? ' The request also failed on the server: find the exception in the log by the request id.' : '';
  return `turn debug mode off and render errors through the API’s error handler with a generic message; log the details server-side.${crash}`;
}

/** Adds the API-wide software-disclosure warning to the `*` finding (or as one). */
function withHeaderWarning(findings: Finding[], observed: readonly Observed[]): Finding[] {
  const disclosures = new Map<string, Observed>();
  for (const item of observed) for (const header of disclosingHeaders(item.exchange.response.headers)) if (!disclosures.has(header)) disclosures.set(header, item);
  if (disclosures.size === 0) return findings;
  const list = [...disclosures.keys()].join(', ');
  const first = [...disclosures.values()][0]!;
  const hint = 'remove X-Powered-By (Express: app.disable("x-powered-by")) and the version from Server (nginx: server_tokens off)';
  const index = findings.findIndex((f) => f.operation === '*');
  const api = findings[index];
  if (api?.outcome === 'fail') {
    findings[index] = { ...api, message: `${api.message}; also ${list} reveal the server software`, hint: `${api.hint ?? ''}; ${hint}` };
    return findings;
  }
  const warning = fail(`responses reveal the server software: ${list}`, hint, { operation: '*', exchange: first.exchange, severity: 'warning' });
  return index === -1 ? [...findings, warning] : findings.map((f, i) => (i === index ? warning : f));
}
