import { SpecgateError, UsageError } from '../errors.js';
import { childPlace, placeAt, ROOT, type Structure } from './place.js';
import { parsePointer, toPointer } from './pointer.js';
import { displayName, specInvalid } from './problem.js';
import type { JsonObject } from './record.js';

/** The root document's origin, and how the documents it references are read. */
export interface DereferenceSource {
  /** Absolute URL of the root document (`file:` or `http(s):`), without a fragment. */
  url: string;
  /** How the root document is named in messages (the source as the user gave it). */
  name: string;
  /** Reads and parses a referenced document; throws a SpecgateError that says why it cannot. */
  load: (url: string) => unknown;
}

type Container = Record<string, unknown>;
type Reference = Container & { $ref: string };
// The path from a document's root to a value, as a linked list (built only into pointers for messages).
type Trail = { readonly up: Trail | undefined; readonly key: string } | undefined;
type Target = { value: unknown; url: string; tokens: string[] };

/**
 * Replaces, in place, every `$ref` of the document by the value it points to, following relative
 * references into other files. Circular references become circular object graphs (never stringify
 * the result). `$ref` keys inside example values, defaults, enums and consts are data and stay as they
 * are; references inside vendor extensions are followed when they resolve and kept when they do not.
 * Referenced URLs are never fetched: `source.load` decides what can be read.
 *
 * @throws UsageError (SPECGATE_SPEC_INVALID) naming the file and JSON pointer of a `$ref` that cannot be resolved.
 */
export function dereference(root: JsonObject, source: DereferenceSource): JsonObject {
  new Dereferencer(root, source).walkChildren(root, source.url, undefined, ROOT);
  return root;
}

class Dereferencer {
  private readonly documents = new Map<string, unknown>();
  private readonly failures = new Map<string, SpecgateError>();
  private readonly walked = new Set<object>();
  private readonly walking = new Set<object>();
  private readonly following = new Set<string>();

  constructor(
    root: JsonObject,
    private readonly source: DereferenceSource,
  ) {
    this.documents.set(source.url, root);
    this.walked.add(root);
  }

  walkChildren(container: Container, url: string, trail: Trail, place: Structure): void {
    for (const key of Object.keys(container)) {
      const child = container[key];
      if (typeof child !== 'object' || child === null) continue;
      const childAt = childPlace(place, key);
      if (childAt === 'data') continue;
      const value = this.walk(child, url, { up: trail, key }, childAt);
      if (value !== child) container[key] = value;
    }
  }

  private walk(value: object, url: string, trail: Trail, place: Structure): unknown {
    if (isReference(value)) return this.follow(value, url, trail, place);
    if (this.walked.has(value)) return value;
    this.walked.add(value);
    this.walking.add(value);
    this.walkChildren(value as Container, url, trail, place);
    this.walking.delete(value);
    return value;
  }

  private follow(reference: Reference, url: string, trail: Trail, place: Structure): unknown {
    let target: Target;
    try {
      target = this.locate(reference.$ref, url);
    } catch (error) {
      if (!(error instanceof SpecgateError)) throw error;
      if (place.extension) return reference;
      throw specInvalid(
        this.nameOf(url),
        pointerOf(trail),
        `$ref "${reference.$ref}" cannot be resolved: ${error.message}`,
        error.hint ?? 'fix the reference',
      );
    }
    const value = this.resolve(target, reference.$ref, url, trail);
    return this.withSiblings(reference, value, url, trail, place);
  }

  private resolve(target: Target, ref: string, url: string, trail: Trail): unknown {
    const { value } = target;
    if (typeof value !== 'object' || value === null || this.walked.has(value)) return value;
    const place = placeAt(target.tokens);
    if (place === 'data') return value;
    const key = `${target.url}#${toPointer(target.tokens)}`;
    if (this.following.has(key)) {
      throw specInvalid(
        this.nameOf(url),
        pointerOf(trail),
        `$ref "${ref}" leads back to itself through references only, never reaching a value`,
        'make one of the references in the cycle point at an actual object',
      );
    }
    this.following.add(key);
    try {
      return this.walk(value, target.url, trailOf(target.tokens), place);
    } finally {
      this.following.delete(key);
    }
  }

  // A `$ref` with sibling keys (OpenAPI 3.1 `description`/`summary`, JSON Schema keywords) yields a copy with them added.
  private withSiblings(reference: Reference, value: unknown, url: string, trail: Trail, place: Structure): unknown {
    const keys = Object.keys(reference).filter((key) => key !== '$ref');
    if (keys.length === 0 || !isContainer(value) || Array.isArray(value) || this.walking.has(value)) return value;
    const siblings: Container = {};
    for (const key of keys) siblings[key] = reference[key];
    this.walkChildren(siblings, url, trail, place);
    return { ...value, ...siblings };
  }

  private locate(ref: string, from: string): Target {
    let target: URL;
    try {
      target = new URL(ref, from);
    } catch {
      throw new UsageError('SPECGATE_SPEC_INVALID', 'it is not a valid URI reference', { hint: 'write the $ref as a relative path and/or a #/json/pointer' });
    }
    const fragment = decodeFragment(target.hash);
    target.hash = '';
    const url = target.href;
    let value = this.document(url);
    const tokens = parsePointer(fragment);
    for (const [index, token] of tokens.entries()) {
      if (!isContainer(value) || !Object.hasOwn(value, token)) {
        throw new UsageError('SPECGATE_SPEC_INVALID', `${this.nameOf(url)}#${toPointer(tokens.slice(0, index))} has no "${token}"`, {
          hint: 'fix the JSON pointer of the $ref, or add the definition it names',
        });
      }
      value = value[token];
    }
    return { value, url, tokens };
  }

  private document(url: string): unknown {
    if (this.documents.has(url)) return this.documents.get(url);
    const failure = this.failures.get(url);
    if (failure) throw failure;
    try {
      const value = this.source.load(url);
      this.documents.set(url, value);
      return value;
    } catch (error) {
      if (error instanceof SpecgateError) this.failures.set(url, error);
      throw error;
    }
  }

  private nameOf(url: string): string {
    return url === this.source.url ? this.source.name : displayName(url);
  }
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function isReference(value: object): value is Reference {
  return typeof (value as Container).$ref === 'string' && !Array.isArray(value);
}

function decodeFragment(hash: string): string {
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash.slice(1));
  } catch {
    throw new UsageError('SPECGATE_SPEC_INVALID', `"${hash}" is not a valid percent-encoded fragment`, { hint: 'percent-encode the JSON pointer of the $ref correctly' });
  }
  if (fragment !== '' && !fragment.startsWith('/')) {
    throw new UsageError('SPECGATE_SPEC_INVALID', `"${hash}" is not a JSON pointer (anchors and $id are not supported)`, {
      hint: 'point at the definition with a JSON pointer such as #/components/schemas/Name',
    });
  }
  return fragment;
}

function trailOf(tokens: readonly string[]): Trail {
  return tokens.reduce<Trail>((up, key) => ({ up, key }), undefined);
}

function pointerOf(trail: Trail): string {
  const tokens: string[] = [];
  for (let at = trail; at; at = at.up) tokens.push(at.key);
  return toPointer(tokens.reverse());
}
