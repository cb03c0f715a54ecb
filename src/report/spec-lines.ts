/**
 * The 1-based line of each operation (`METHOD /path` → line of its method key) in a JSON or YAML document,
 * found from the text so annotations can point at it; operations not found are left out.
 */
export function operationLines(text: string, operationKeys: Iterable<string>): Map<string, number> {
  const lines = text.split(/\r?\n/);
  const found = new Map<string, number>();
  for (const key of operationKeys) {
    const space = key.indexOf(' ');
    const line = locate(lines, key.slice(space + 1), key.slice(0, space).toLowerCase());
    if (line !== undefined) found.set(key, line);
  }
  return found;
}

function locate(lines: readonly string[], path: string, method: string): number | undefined {
  const pathKey = new RegExp(`^(\\s*)["']?${escape(path)}["']?\\s*:`);
  const methodKey = new RegExp(`^\\s*["']?${method}["']?\\s*:`);
  const start = lines.findIndex((line) => pathKey.test(line));
  if (start < 0) return undefined;
  const indent = pathKey.exec(lines[start]!)![1]!.length;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() !== '' && indentOf(line) <= indent && !line.trim().startsWith('}')) break;
    if (methodKey.test(line)) return i + 1;
  }
  return start + 1;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
