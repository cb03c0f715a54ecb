import { mediaType, type RecordedResponse } from '../http/exchange.js';
import type { Operation } from '../spec/model.js';
import { detailProblem } from './detail.js';
import { envelopeProblem } from './envelope.js';
import type { ErrorFormat } from './format.js';
import { problemDetailsProblem } from './problem-details.js';

const PROBLEM_JSON = 'application/problem+json';
const PREVIEW = 60;

/** What is wrong with an error response in the given format; undefined when it conforms. */
export function errorBodyProblem(format: ErrorFormat, response: RecordedResponse, operation: Operation | undefined): string | undefined {
  const type = mediaType(response);
  if (response.body.trim() === '') return 'the body is empty';
  if (format.kind === 'problem+json' && type !== PROBLEM_JSON) {
    return `Content-Type is ${type || 'missing'}, not ${PROBLEM_JSON} (RFC 9457 §3): ${preview(response.body)}`;
  }
  if (!isJson(type)) return `the body is ${type || 'untyped'}, not JSON: ${preview(response.body)}`;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `the body is not valid JSON: ${preview(response.body)}`;
  }
  switch (format.kind) {
    case 'envelope':
      return envelopeProblem(body, response.status, format.codes);
    case 'problem+json':
      return problemDetailsProblem(body, response.status);
    case 'detail':
      return detailProblem(body, response.status);
    case 'schema': {
      const problems = format.validate(body, operation, response.status);
      return problems.length > 0 ? `it does not match ${format.name}: ${problems.join('; ')}` : undefined;
    }
  }
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function preview(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return JSON.stringify(text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text);
}
