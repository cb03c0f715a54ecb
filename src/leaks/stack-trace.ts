import { excerpt } from './texts.js';

/** A stack trace found in a text: which runtime printed it, how many frames, and its first lines. */
export interface StackTrace {
  language: string;
  frames: number;
  excerpt: string;
}

interface Dialect {
  language: string;
  frame: RegExp;
  /** A line that only a trace starts with; with it, one frame is enough. */
  header?: RegExp;
}

// Order matters: a line counts for the first dialect whose frame it matches.
const DIALECTS: Dialect[] = [
  {
    language: 'Python',
    header: /^\s*Traceback \(most recent call last\):\s*$/,
    frame: /^\s*File "[^"]{1,500}", line \d+(?:, in \S.{0,200})?\s*$/,
  },
  {
    language: 'Java',
    frame: /^\s*at [\w$./<>-]{1,300}\((?:[\w$.-]{1,200}\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)(?:\s+~?\[[^\]]{0,200}\])?\s*$/,
  },
  { language: 'Node.js', frame: /^\s*at (?:.{1,300} \()?[^\s()]{1,500}:\d+:\d+\)?\s*$/ },
  {
    language: '.NET',
    frame: /^\s*at [\w.`<>$|+[\],]{1,300}\((?:[^()\s]{1,200} [^()\s,]{1,100}(?:, [^()\s]{1,200} [^()\s,]{1,100})*)?\)(?: in .{1,500}:line \d+)?\s*$/,
  },
  { language: 'Go', header: /^goroutine \d+ \[[^\]]{1,100}\]:\s*$/, frame: /^\s+\S{1,500}\.go:\d+(?: \+0x[0-9a-f]+)?\s*$/ },
  { language: 'Ruby', frame: /^\s*(?:from )?[^\s:]{1,500}\.rb:\d+:in [`'‘][^'’]{0,300}['’]\s*$/ },
  { language: 'PHP', frame: /^#\d+ (?:\S{1,500}\.php\(\d+\): .{0,300}|\[internal function\]: .{0,300}|\{main\})\s*$/ },
];

const MAX_LINE = 1000;
const EXCERPT_LINES = 4;
const EXCERPT_CHARS = 300;

/**
 * The stack trace in a text, if any: at least two frames of one runtime (or its header line and a frame),
 * so a lone `at foo (x.js:1:2)` in data is not taken for a trace.
 */
export function findStackTrace(text: string): StackTrace | undefined {
  const lines = text.split(/\r?\n/);
  const counts = new Map<Dialect, { frames: number; header: boolean; first: number }>();
  lines.forEach((line, index) => {
    if (line.length > MAX_LINE) return;
    for (const dialect of DIALECTS) {
      const isHeader = dialect.header?.test(line) ?? false;
      if (!isHeader && !dialect.frame.test(line)) continue;
      const seen = counts.get(dialect) ?? { frames: 0, header: false, first: index };
      counts.set(dialect, { frames: seen.frames + (isHeader ? 0 : 1), header: seen.header || isHeader, first: seen.first });
      return;
    }
  });
  let best: StackTrace | undefined;
  for (const [dialect, { frames, header, first }] of counts) {
    if (frames < 2 && !(header && frames >= 1)) continue;
    if (best && best.frames >= frames) continue;
    const from = Math.max(0, first - 1);
    const quote = excerpt(lines.slice(from, from + EXCERPT_LINES).map((line) => line.trim()).join(' | '), EXCERPT_CHARS);
    best = { language: dialect.language, frames, excerpt: quote };
  }
  return best;
}
