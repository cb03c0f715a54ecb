import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';

/** A spec error at a JSON pointer: the message reads `file#/pointer: what is wrong`. */
export function specInvalid(file: string, pointer: string, what: string, hint: string): UsageError {
  return new UsageError('SPECGATE_SPEC_INVALID', `${file}#${pointer}: ${what}`, { hint });
}

/** How a document URL is named in messages: a file path for `file:` URLs, else the URL. */
export function displayName(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}
