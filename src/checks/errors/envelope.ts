import { errorBodyProblem } from '../../errors-format/judge.js';
import { formatName } from '../../errors-format/format.js';
import { resolveErrorFormat } from '../../errors-format/resolve.js';
import type { CheckDefinition } from '../check.js';
import { skip } from '../result.js';
import { counted, perOperation } from './aggregate.js';
import { leakOf } from './claims.js';
import { observedResponses, type Observed } from './observed.js';

export const envelope: CheckDefinition = {
  id: 'errors.envelope',
  family: 'errors',
  title: 'Every error body has the API’s error format',
  severity: 'error',
  scope: 'observe',
  explain: {
    asserts:
      'Every 4xx and 5xx body that any suite received from the API follows one format: `envelope` ({"error": {"code", "message", "details"}} with the code the status takes, see errors.codes), `problem+json` (RFC 9457: that media type, a `title`, `status` equal to the HTTP status when present, `type` a string when present — it defaults to about:blank), `detail` (FastAPI/DRF {"detail": …}; DRF field errors on 400), or a JSON Schema / zod schema. Without errors.format the format is inferred from the documented error responses. Empty 401 challenges, HEAD responses and framework debug pages (reported by errors.no-stack-trace) are left out.',
    why: 'Clients handle errors in one place; a plain-text 404 or an HTML 500 in a JSON API breaks their parsers and hides the reason from users. RFC 9457 requires `status` to match the HTTP status.',
    references: ['RFC 9457 (Problem Details for HTTP APIs)', 'RFC 9110 §15 (status codes)', 'FastAPI / Django REST Framework error responses'],
    fix: 'Route every error (unknown paths, 405s, body-parser and framework errors, crashes) through one error handler that renders the API’s format.',
  },
  async run(ctx) {
    const resolved = resolveErrorFormat(ctx.spec, ctx.config);
    if ('skip' in resolved) return [skip(resolved.skip, 'errors.format')];
    const { format, origin } = resolved;
    const name = `${formatName(format)} (${origin})`;
    const findings = perOperation(
      (await observedResponses(ctx)).filter(isJudgedError),
      ({ exchange, operation }) => {
        const problem = errorBodyProblem(format, exchange.response, operation);
        return problem === undefined ? { ok: true } : { ok: false, problem };
      },
      {
        noun: 'error responses',
        verb: `break ${name}`,
        passed: (count, statuses) => `${counted(count, 'error response')} (${statuses}) ${count === 1 ? 'follows' : 'follow'} ${name}`,
        hint: ({ exchange }) =>
          `render ${formatName(format)} for ${exchange.response.status} too: one error handler for every error, including unknown paths, 405s and body-parser errors`,
      },
    );
    return findings.length > 0 ? findings : [skip(`no error responses were observed to judge against ${name}`, '--suite paths,auth,errors')];
  },
};

function isJudgedError({ exchange, inApi }: Observed): boolean {
  const { request, response } = exchange;
  if (!inApi || response.status < 400 || request.method.toUpperCase() === 'HEAD' || response.truncated) return false;
  if (response.status === 401 && response.body.trim() === '' && response.headers['www-authenticate'] !== undefined) return false;
  return leakOf(response) === undefined;
}
