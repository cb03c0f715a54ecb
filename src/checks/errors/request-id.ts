import { requestIdHeader, type RequestIdHeader } from '../../config/request-id.js';
import type { CheckDefinition } from '../check.js';
import { fail, skip, type Finding } from '../result.js';
import { perOperation, type Verdict } from './aggregate.js';
import { observedResponses, type Observed } from './observed.js';

const ID_LIKE = /(?:request|correlation|trace)[-_]?id|^x-amzn?-requestid$|^traceparent$/i;

export const requestId: CheckDefinition = {
  id: 'errors.request-id',
  family: 'errors',
  title: 'Every response carries a request id',
  severity: 'error',
  scope: 'observe',
  explain: {
    asserts:
      'Every response from the API, errors and 429s included, carries the request id header (requestIdHeader; default: a request-id header the document declares, else X-Request-Id), and echoes the id the client sent. specgate sends a fresh UUID in that header on every request. An API that never sends the header, when neither the config nor the document names one, gets one warning.',
    why: 'A request id ties a client’s failed call to the server’s log line. It matters most on errors, which is where middleware ordering most often drops it; echoing the client’s id lets traces span services.',
    references: ['RFC 9110 §5 (fields)', 'W3C Trace Context (traceparent)', 'OWASP Logging Cheat Sheet'],
    fix: 'Set the header in the first middleware — before routing, authentication, throttling and the error handler — taking the client’s id when it sent one.',
  },
  async run(ctx) {
    const header = requestIdHeader(ctx.spec, ctx.config);
    if (!header) return [skip('requestIdHeader is false: no request id is sent or expected', 'requestIdHeader')];
    const observed = (await observedResponses(ctx)).filter((o) => o.inApi);
    if (observed.length === 0) return [skip('no responses were observed', '--suite paths,auth,errors')];
    const name = header.name.toLowerCase();
    if (!observed.some((o) => o.exchange.response.headers[name] !== undefined)) return [absentEverywhere(header, observed)];
    return perOperation(observed, (o) => judge(o, header), {
      noun: 'responses',
      verb: `lack a proper ${header.name}`,
      passed: (count, statuses) => (count === 1 ? `the response (${statuses}) carries ${header.name}` : `all ${count} responses (${statuses}) carry ${header.name}`),
      hint: ({ exchange }) =>
        exchange.response.headers[name] === undefined
          ? `set ${header.name} in the first middleware, before routing, authentication, throttling and the error handler, so ${exchange.response.status} responses carry it too`
          : `echo the ${header.name} the client sent instead of replacing it (or log both)`,
    });
  },
};

function judge({ exchange }: Observed, header: RequestIdHeader): Verdict {
  const name = header.name.toLowerCase();
  const got = exchange.response.headers[name]?.trim();
  if (!got) return { ok: false, problem: `no ${header.name} header` };
  const sent = Object.entries(exchange.request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (sent !== undefined && !got.split(',').map((id) => id.trim()).includes(sent)) {
    return { ok: false, problem: `${header.name} is "${got}", not the id the client sent ("${sent}")`, severity: 'warning' };
  }
  return { ok: true };
}

function absentEverywhere(header: RequestIdHeader, observed: readonly Observed[]): Finding {
  const alternatives = [...new Set(observed.flatMap((o) => Object.keys(o.exchange.response.headers)).filter((h) => ID_LIKE.test(h)))];
  const hint =
    alternatives.length > 0
      ? `the API sends ${alternatives.join(', ')}: set requestIdHeader to it`
      : `add a middleware that sets ${header.name} on every response (taking the client’s id when it sent one), or set requestIdHeader: false if the API has no request ids`;
  const why = header.source === 'default' ? 'the default header' : `the ${header.source} header`;
  return fail(`none of the ${observed.length} responses carried ${header.name} (${why}), so no failure can be traced to a log line`, hint, {
    exchange: observed[0]!.exchange,
    severity: header.source === 'default' ? 'warning' : 'error',
  });
}
