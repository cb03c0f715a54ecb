import { isObject } from './object.js';

/**
 * What is wrong with a body as FastAPI's or Django REST Framework's `{"detail": …}`; undefined when nothing.
 * A 400 may also be DRF's validation error, `{"field": ["message"]}`.
 */
export function detailProblem(body: unknown, status: number): string | undefined {
  if (isObject(body) && body.detail !== undefined && body.detail !== null) return undefined;
  if (status === 400 && isFieldErrors(body)) return undefined;
  return 'the body has no "detail" member';
}

function isFieldErrors(body: unknown): boolean {
  if (Array.isArray(body)) return body.length > 0 && body.every((item) => isObject(item));
  if (!isObject(body)) return false;
  const values = Object.values(body);
  return values.length > 0 && values.every((value) => Array.isArray(value) || isObject(value));
}
