import type { Config } from '../config/schema.js';
import type { ApiSpec } from '../spec/model.js';
import { envelopeCodes } from './codes.js';
import type { ResolvedFormat, UnknownFormat } from './format.js';
import { inferErrorFormat } from './infer.js';
import { userSchemaFormat } from './user-schema.js';

/** The error format to judge error responses by: `errors.format` from the config, else inferred from the document. */
export function resolveErrorFormat(spec: ApiSpec, config: Config): ResolvedFormat | UnknownFormat {
  const configured = config.errors.format;
  const codes = envelopeCodes(config.errors.codes);
  if (configured === undefined) return inferErrorFormat(spec, codes);
  if (configured === 'envelope') return { format: { kind: 'envelope', codes }, origin: 'configured' };
  if (typeof configured === 'string') return { format: { kind: configured }, origin: 'configured' };
  return { format: userSchemaFormat(configured.schema), origin: 'configured' };
}
