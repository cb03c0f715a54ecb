import { parseDocument } from 'yaml';
import { UsageError } from '../errors.js';

/**
 * Parses the text of an API description: JSON when it starts with `{` or `[`, YAML otherwise.
 * A syntax error becomes a UsageError naming the file, the line and the column.
 */
export function parseSpecText(text: string, file: string): unknown {
  const content = text.replace(/^\uFEFF/, '');
  const first = content.trimStart()[0];
  return first === '{' || first === '[' ? parseJson(content, file) : parseYaml(content, file);
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

function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { merge: true });
  const [error] = document.errors;
  if (error) {
    const [start] = error.linePos ?? [];
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
    throw syntaxError(file, start && { line: start.line, column: start.col }, `invalid YAML: ${reason}`);
  }
  try {
    return document.toJS();
  } catch (cause) {
    throw new UsageError('SPECGATE_SPEC_INVALID', `${file}: invalid YAML: ${(cause as Error).message}`, {
      hint: 'simplify the YAML anchors and aliases, or convert the document to JSON',
      cause,
    });
  }
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
