import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus of real API descriptions, next to the repository. */
export const SPECS_DIR = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/specs');

export interface CorpusDocument {
  /** Path relative to the corpus directory, as INDEX.md writes it. */
  path: string;
  file: string;
  bytes: number;
  /** HTTP operations under `paths` (webhook operations excluded). */
  operations: number;
}

/** The root documents of the corpus: the first table of INDEX.md (Path, Bytes and Ops columns). */
export function readCorpusIndex(): CorpusDocument[] {
  const lines = readFileSync(path.join(SPECS_DIR, 'INDEX.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| Path |'));
  const header = cells(lines[start] ?? '');
  const column = (name: string) => header.indexOf(name);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows.map((row) => {
    const relative = (row[column('Path')] ?? '').replace(/`/g, '');
    return {
      path: relative,
      file: path.join(SPECS_DIR, relative),
      bytes: leadingNumber(row[column('Bytes')]),
      operations: leadingNumber(row[column('Ops')]),
    };
  });
}

function cells(line: string): string[] {
  return line.split('|').slice(1, -1).map((cell) => cell.trim());
}

// `1,123` → 1123; `288 (+16 webhook)` → 288.
function leadingNumber(cell: string | undefined): number {
  return Number(/^[\d,]+/.exec(cell ?? '')?.[0].replace(/,/g, '') ?? Number.NaN);
}
