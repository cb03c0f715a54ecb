import { documentedResponse } from '../checks/paths/documented.js';
import { SchemaValidator } from '../schema/validator.js';
import type { ApiSpec, MediaType, ResponseSpec, Schema } from '../spec/model.js';
import type { ErrorFormat, ResolvedFormat, UnknownFormat } from './format.js';
import { isObject } from './object.js';

type Kind = 'envelope' | 'problem+json' | 'detail' | 'schema';

interface Votes {
  counts: Map<Kind, number>;
  /** Documented error schemas that follow none of the known formats, with how often each is used. */
  schemas: Map<Schema, number>;
}

/**
 * The error format the document describes: each documented 4xx, 5xx or default response body votes for
 * envelope, problem+json (by media type), detail, or its own schema; the clear majority wins.
 */
export function inferErrorFormat(spec: ApiSpec, codes: ReadonlyMap<number, readonly string[]>): ResolvedFormat | UnknownFormat {
  const votes = countVotes(spec);
  const ranked = [...votes.counts].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((sum, [, count]) => sum + count, 0);
  const tally = ranked.map(([kind, count]) => `${kind} ${count}`).join(', ');
  const [winner, runnerUp] = ranked;
  if (!winner) return { skip: 'the document describes no error response bodies, so the error format cannot be inferred' };
  if (runnerUp && runnerUp[1] === winner[1]) return { skip: `the documented error responses disagree on the format (${tally})` };
  const responses = `${total} documented error response${total === 1 ? '' : 's'}`;
  const origin = ranked.length === 1 ? `inferred from ${responses}` : `inferred from ${responses}: ${tally}`;
  return { format: formatOf(winner[0], spec, votes, codes), origin };
}

function countVotes(spec: ApiSpec): Votes {
  const votes: Votes = { counts: new Map(), schemas: new Map() };
  for (const response of spec.operations.flatMap((op) => op.responses).filter(isErrorResponse)) {
    for (const media of response.content) {
      const kind = classify(media);
      if (!kind) continue;
      votes.counts.set(kind, (votes.counts.get(kind) ?? 0) + 1);
      if (kind === 'schema' && media.schema) votes.schemas.set(media.schema, (votes.schemas.get(media.schema) ?? 0) + 1);
    }
  }
  return votes;
}

function formatOf(kind: Kind, spec: ApiSpec, votes: Votes, codes: ReadonlyMap<number, readonly string[]>): ErrorFormat {
  if (kind === 'envelope') return { kind, codes };
  if (kind !== 'schema') return { kind };
  const common = [...votes.schemas].sort((a, b) => b[1] - a[1])[0]![0];
  const validator = new SchemaValidator(spec.openapi);
  return {
    kind,
    name: 'the documented error schema',
    validate(body, operation, status) {
      const documented = operation ? documentedResponse(operation, status) : undefined;
      const schema = (documented && isErrorResponse(documented) && jsonSchemaOf(documented)) || common;
      const verdict = validator.validate(schema, body, 'response');
      if (verdict instanceof Error) return [`the documented schema does not compile: ${verdict.message}`];
      return verdict.errors;
    },
  };
}

function isErrorResponse(response: ResponseSpec): boolean {
  return /^[45]/.test(response.status) || response.status === 'default';
}

function classify(media: MediaType): Kind | undefined {
  const type = media.type.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/problem+json') return 'problem+json';
  if (!isJson(type) || !media.schema) return undefined;
  const properties = propertiesOf(media.schema);
  const error = properties.error;
  if (isObject(error)) {
    const inner = propertiesOf(error);
    if ('code' in inner && 'message' in inner) return 'envelope';
  }
  if ('detail' in properties) return 'detail';
  return 'schema';
}

function jsonSchemaOf(response: ResponseSpec): Schema | undefined {
  return response.content.find((media) => isJson(media.type.split(';')[0]!.trim().toLowerCase()) && media.schema)?.schema;
}

/** The properties a schema declares itself or through `allOf`. */
function propertiesOf(schema: Schema): Record<string, unknown> {
  const own = isObject(schema.properties) ? schema.properties : {};
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject).map(propertiesOf) : [];
  return Object.assign({}, ...parts, own) as Record<string, unknown>;
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}
