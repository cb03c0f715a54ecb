import type { JsonObject } from './record.js';

/** What normalisation needs to know about the document as a whole. */
export interface SpecContext {
  /** The dereferenced document. */
  document: JsonObject;
  /** The source as the user gave it, for messages and for resolving relative server URLs. */
  source: string;
  /** Swagger 2.0 rather than OpenAPI 3.x. */
  swagger2: boolean;
}
