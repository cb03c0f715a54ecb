import { isObject } from './object.js';

/** What is wrong with a parsed application/problem+json body (RFC 9457 §3); undefined when nothing. */
export function problemDetailsProblem(body: unknown, status: number): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  // RFC 9457 §3.1.1: without "type" the problem type is "about:blank"; §3.1.2: "status", *if present*, must match.
  if (body.status !== undefined && body.status !== status) return `"status" is ${JSON.stringify(body.status)} but the HTTP status is ${status} (RFC 9457 §3.1.2: they must match)`;
  if (typeof body.title !== 'string') return '"title" is missing or not a string';
  if (body.type !== undefined && typeof body.type !== 'string') return '"type" is not a string';
  return undefined;
}
