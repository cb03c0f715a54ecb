import type { MediaType, RequestBody } from '../spec/model.js';
import { mayConform } from './conforms.js';
import { multipart, urlEncoded } from './form.js';
import { chooseMedia, essenceOf, isJsonMedia } from './media.js';
import { sampleValue, type SampleOptions } from './value.js';

export interface SampledBody {
  /** The `content-type` header (the media type as the spec writes it; multipart with its boundary). */
  contentType: string;
  body: string;
}

/**
 * The body to send: in the media type {@link chooseMedia} picks, the media's `example` or `examples[0]`
 * (when they may conform to its schema), else a value generated from its schema, encoded for that media
 * type (JSON, form-urlencoded, multipart; others as text). Undefined when no content or no value.
 */
export function sampleBody(requestBody: RequestBody, options: Pick<SampleOptions, 'seed'> = {}): SampledBody | undefined {
  const media = chooseMedia(requestBody.content);
  if (!media) return undefined;
  const value = bodyValue(media, options);
  return value === undefined ? undefined : encode(media, value);
}

function bodyValue(media: MediaType, options: Pick<SampleOptions, 'seed'>): unknown {
  const examples = [...('example' in media ? [media.example] : []), ...(media.examples ?? []).slice(0, 1)];
  const example = examples.find((candidate) => mayConform(candidate, media.schema));
  if (example !== undefined) return example;
  return media.schema ? sampleValue(media.schema, { ...options, direction: 'request' }) : undefined;
}

function encode(media: MediaType, value: unknown): SampledBody {
  const type = essenceOf(media.type);
  if (type === 'application/x-www-form-urlencoded') return { contentType: media.type, body: urlEncoded(value) };
  if (type === 'multipart/form-data') return multipart(value, media.schema);
  if (type.includes('*')) return { contentType: 'application/json', body: JSON.stringify(value) };
  if (isJsonMedia(type) || typeof value !== 'string') return { contentType: media.type, body: JSON.stringify(value) };
  return { contentType: media.type, body: value };
}
