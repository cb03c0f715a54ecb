import { isObject } from './object.js';

/** What is wrong with a parsed application/problem+json body (RFC 9457 §3); undefined when nothing. */
export function problemDetailsProblem(body: unknown, status: number): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (body.status === undefined) return '"status" is missing';
  if (body.status !== status) return `"status" is ${JSON.stringify(body.status)} but the HTTP status is ${status} (RFC 9457 §3.1.2: they must match)`;
  if (typeof body.title !== 'string') return '"title" is missing or not a string';
  if (typeof body.type !== 'string') return '"type" is missing or not a string';
  return undefined;
}
