import { isObject } from './object.js';

/** What is wrong with a body as the envelope `{"error": {"code", "message", "details"}}`; undefined when nothing. */
export function envelopeProblem(body: unknown, status: number, codes: ReadonlyMap<number, readonly string[]>): string | undefined {
  if (!isObject(body) || !('error' in body)) return 'the body has no "error" member';
  const error = body.error;
  if (!isObject(error)) return '"error" is not an object';
  if (typeof error.code !== 'string') return 'error.code is missing or not a string';
  if (typeof error.message !== 'string') return 'error.message is missing or not a string';
  const expected = codes.get(status);
  if (expected && !expected.includes(error.code)) {
    return `error.code is "${error.code}", but ${status} takes ${expected.map((code) => `"${code}"`).join(' or ')}`;
  }
  return undefined;
}
