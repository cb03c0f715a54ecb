import { expect } from 'vitest';
import { documentedMedia, documentedResponse, isJsonMediaType } from '../checks/paths/documented.js';
import { validatorFor } from '../checks/paths/response-schema.js';
import { formatName } from '../errors-format/format.js';
import { errorBodyProblem } from '../errors-format/judge.js';
import { resolveErrorFormat } from '../errors-format/resolve.js';
import { mediaType, type Exchange, type RecordedResponse } from '../http/exchange.js';
import { matchOperation } from '../spec/match.js';
import type { Operation } from '../spec/model.js';
import { provenanceOf, type Provenance } from './provenance.js';

/** The error formats `toHaveErrorEnvelope` can be told to expect. */
export type ErrorFormatName = 'envelope' | 'problem+json' | 'detail';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's declaration to merge
  interface Matchers<T = any> {
    /** The response's status, Content-Type and JSON body are the ones the operation documents. */
    toMatchOperation(operation: Operation): T;
    /** An error response (4xx/5xx) whose body has the API's error format: `errors.format`, else inferred, else the given one. */
    toHaveErrorEnvelope(format?: ErrorFormatName): T;
  }
}

type Judged = { exchange: Exchange & { response: RecordedResponse }; origin: Provenance } | { problem: string };

function judged(received: unknown): Judged {
  const origin = typeof received === 'object' && received !== null ? provenanceOf(received as Exchange) : undefined;
  if (!origin) return { problem: 'expected an exchange returned by a contract client: (await openContract()).client().send(…)' };
  const exchange = received as Exchange;
  if (!exchange.response) return { problem: `no response to ${exchange.request.method} ${exchange.request.path}: ${exchange.error}` };
  return { exchange: { ...exchange, response: exchange.response }, origin };
}

function operationProblem(received: unknown, operation: Operation): string | undefined {
  const subject = judged(received);
  if ('problem' in subject) return subject.problem;
  const { response } = subject.exchange;
  const documented = documentedResponse(operation, response.status);
  if (!documented) return `${operation.key} does not document ${response.status} (it documents ${operation.responses.map((r) => r.status).join(', ')})`;
  if (response.body === '' || documented.content.length === 0) return undefined;
  const actual = mediaType(response);
  const media = documentedMedia(documented, actual);
  if (!media) return `${operation.key} documents ${documented.content.map((m) => m.type).join(', ')} for ${documented.status}, the response is ${actual || 'untyped'}`;
  if (!media.schema || !isJsonMediaType(actual) || response.truncated) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `the ${response.status} body says ${actual} but is not valid JSON`;
  }
  const verdict = validatorFor(subject.origin.spec).validate(media.schema, body, 'response');
  if (verdict instanceof Error) return `the documented schema could not be compiled: ${verdict.message}`;
  return verdict.valid ? undefined : `the ${response.status} body does not match the documented ${documented.status} schema: ${verdict.errors.join('; ')}`;
}

function errorFormatProblem(received: unknown, name: ErrorFormatName | undefined): string | undefined {
  const subject = judged(received);
  if ('problem' in subject) return subject.problem;
  const { exchange, origin } = subject;
  if (exchange.response.status < 400) return `expected an error response, got ${exchange.response.status}`;
  const config = name ? { ...origin.config, errors: { ...origin.config.errors, format: name } } : origin.config;
  const resolved = resolveErrorFormat(origin.spec, config);
  if ('skip' in resolved) return `${resolved.skip}: pass the format, e.g. toHaveErrorEnvelope('problem+json'), or set errors.format in the config`;
  const operation = matchOperation(origin.spec, exchange.request.method, exchange.request.path);
  const problem = errorBodyProblem(resolved.format, exchange.response, operation);
  return problem === undefined ? undefined : `the ${exchange.response.status} body breaks ${formatName(resolved.format)}: ${problem}`;
}

expect.extend({
  toMatchOperation(received: unknown, operation: Operation) {
    const problem = operationProblem(received, operation);
    return { pass: problem === undefined, message: () => problem ?? `expected the response not to match ${operation.key}` };
  },
  toHaveErrorEnvelope(received: unknown, format?: ErrorFormatName) {
    const problem = errorFormatProblem(received, format);
    return { pass: problem === undefined, message: () => problem ?? 'expected the response not to have the error format' };
  },
});
