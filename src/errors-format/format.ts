import type { Operation } from '../spec/model.js';

/** The shape an API's error bodies take, as configured (`errors.format`) or inferred from the document. */
export type ErrorFormat =
  | { kind: 'envelope'; codes: ReadonlyMap<number, readonly string[]> }
  | { kind: 'problem+json' }
  | { kind: 'detail' }
  | {
      kind: 'schema';
      /** Names the schema in messages: `the configured schema`, `the documented Error schema`. */
      name: string;
      /** Problems of a parsed body (empty when it is valid), for a response of this operation and status. */
      validate(body: unknown, operation: Operation | undefined, status: number): string[];
    };

/** A format and where it comes from, for messages: `configured`, or `inferred from …`. */
export interface ResolvedFormat {
  format: ErrorFormat;
  origin: string;
}

/** Why no format can be judged against: the document does not tell, and the config does not say. */
export interface UnknownFormat {
  skip: string;
}

export function formatName(format: ErrorFormat): string {
  return format.kind === 'schema' ? format.name : `the ${format.kind} format`;
}
