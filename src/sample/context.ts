import type { Random } from './random.js';

/** Marks a schema for which no value could be produced within the bounds. */
export const NONE: unique symbol = Symbol('no value');

/** Where the generator is: value nesting depth, composition hops at this depth, and which variant to make. */
export interface Position {
  depth: number;
  hops: number;
  /** 0 for the preferred value; n > 0 for the n-th alternative (unique array items, `not` retries). */
  variant: number;
  /** Only what is required, from here down (a retry that must avoid optional content). */
  lean?: boolean;
}

/** One generation run: the options, the random source, the remaining node budget, and the recursion. */
export interface Generation {
  readonly direction: 'request' | 'response';
  readonly rng: Random;
  readonly examples: boolean;
  readonly optionalProperties: number;
  readonly maxDepth: number;
  /** Values still to produce before only what is required is generated. */
  budget: number;
  generate(schema: unknown, at: Position): unknown;
}

/** True when only what the schema requires should be produced: deep enough, or out of budget. */
export function isMinimal(generation: Generation, at: Position): boolean {
  return at.lean === true || at.depth >= generation.maxDepth || generation.budget <= 0;
}

/** The position of a property value or an array item under `at`. */
export function child(at: Position, variant = 0): Position {
  return { depth: at.depth + 1, hops: 0, variant, lean: at.lean === true };
}
