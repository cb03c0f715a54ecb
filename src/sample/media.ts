import type { MediaType } from '../spec/model.js';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/** The media type without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function essenceOf(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/** True for `application/json` and structured-syntax `+json` types (`application/merge-patch+json`). */
export function isJsonMedia(type: string): boolean {
  return /^[^/]+\/(?:[^/]+\+)?json$/.test(essenceOf(type));
}

/** The media type a request is sent as: JSON if any, else form-urlencoded, else multipart, else the first. */
export function chooseMedia(content: readonly MediaType[]): MediaType | undefined {
  return (
    content.find((media) => isJsonMedia(media.type)) ??
    content.find((media) => essenceOf(media.type) === FORM) ??
    content.find((media) => essenceOf(media.type) === MULTIPART) ??
    content[0]
  );
}
