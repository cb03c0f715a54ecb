import { Composer, Parser, type CST } from 'yaml';
import { UsageError } from '../errors.js';
import { toPointer } from './pointer.js';
import { specInvalid } from './problem.js';

/** Far deeper than any real API description (the corpus's deepest nests 23 levels), shallow enough for every step after parsing. */
const MAX_NESTING = 128;

/**
 * Parses the text of an API description: JSON when it starts with `{` or `[`, YAML otherwise.
 * A syntax error becomes a UsageError naming the file, the line and the column; nesting deeper than
 * MAX_NESTING levels one naming the file and the JSON pointer where it gets too deep.
 */
export function parseSpecText(text: string, file: string): unknown {
  const content = text.replace(/^\uFEFF/, '');
  const first = content.trimStart()[0];
  const document = first === '{' || first === '[' ? parseJson(content, file) : parseYaml(content, file);
  assertNesting(document, file);
  return document;
}

type Nested = { value: object; depth: number; up: Nested | undefined; key: string };

// Iterative, so that the check itself cannot run out of stack; YAML aliases may share (or loop back to) nodes.
function assertNesting(root: unknown, file: string): void {
  if (typeof root !== 'object' || root === null) return;
  const seen = new Set<object>();
  const pending: Nested[] = [{ value: root, depth: 0, up: undefined, key: '' }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (seen.has(node.value)) continue;
    seen.add(node.value);
    for (const [key, child] of Object.entries(node.value)) {
      if (typeof child !== 'object' || child === null) continue;
      const nested = { value: child as object, depth: node.depth + 1, up: node, key };
      if (nested.depth > MAX_NESTING) {
        throw specInvalid(file, pointerOf(nested), `nests deeper than ${MAX_NESTING} levels`, 'no API description nests this deep: look for generated or corrupted content at that place');
      }
      pending.push(nested);
    }
  }
}

function pointerOf(node: Nested): string {
  const tokens: string[] = [];
  for (let at: Nested | undefined = node; at?.up; at = at.up) tokens.unshift(at.key);
  return toPointer(tokens);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    throw syntaxError(file, offset === undefined ? undefined : lineColumn(text, Number(offset)), `invalid JSON: ${reason}`);
  }
}

// The composer recurses once per level of nesting, the parser does not: nesting is measured on the parser's
// tokens before composing, because a composer that runs out of stack can take the whole process down.
function parseYaml(text: string, file: string): unknown {
  const tokens = [...new Parser().parse(text)];
  const tooDeep = tooDeepOffset(tokens);
  if (tooDeep !== undefined) throw syntaxError(file, lineColumn(text, tooDeep), `invalid YAML: nests deeper than ${MAX_NESTING} levels`);
  const [first, another] = new Composer({ merge: true }).compose(tokens, true, text.length);
  const document = first!; // forceDoc: an empty text is one empty document
  const error = document.errors[0];
  if (error) {
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
    throw syntaxError(file, lineColumn(text, error.pos[0]), `invalid YAML: ${reason}`);
  }
  if (another) throw syntaxError(file, lineColumn(text, another.range[0]), 'invalid YAML: a second document starts here; an API description is one document');
  try {
    return document.toJS();
  } catch (cause) {
    throw new UsageError('SPECGATE_SPEC_INVALID', `${file}: invalid YAML: ${(cause as Error).message}`, {
      hint: 'simplify the YAML anchors and aliases, or convert the document to JSON',
      cause,
    });
  }
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

// Where the first collection nested deeper than MAX_NESTING starts, walking the syntax tree without recursion.
function tooDeepOffset(tokens: readonly CST.Token[]): number | undefined {
  const pending: { node: object; depth: number }[] = tokens.map((node) => ({ node, depth: 0 }));
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { type, offset } = item.node as { type?: string; offset?: number };
    const depth = item.depth + (type !== undefined && COLLECTIONS.has(type) ? 1 : 0);
    if (depth > MAX_NESTING) return offset;
    for (const child of Object.values(item.node)) if (typeof child === 'object' && child !== null) pending.push({ node: child as object, depth });
  }
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function syntaxError(file: string, at: { line: number; column: number } | undefined, what: string): UsageError {
  const where = at ? `${file}:${at.line}:${at.column}` : file;
  return new UsageError('SPECGATE_SPEC_INVALID', `${where}: ${what}`, {
    hint: at ? `fix the syntax at line ${at.line}, column ${at.column}` : 'fix the syntax (a JSON or YAML linter shows where)',
  });
}
