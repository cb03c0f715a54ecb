const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
};

/** A window length in seconds: a number of seconds, `"60s"`, `"1m"`, `"1 minute"`, `"hour"`, `"1500ms"`. */
export function parseWindow(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)?\s*([a-z]+)?\s*$/i.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const amount = match[1] === undefined ? 1 : Number(match[1]);
  const unit = match[2] === undefined ? 1 : UNIT_SECONDS[match[2].toLowerCase()];
  if (unit === undefined || amount <= 0) return undefined;
  return amount * unit;
}

/**
 * A rate such as `"5/min"`, `"100/hour"`, `"10/10s"`, `"1000/day"`. Full unit names and the abbreviations
 * DRF accepts (`s`, `m`, `h`, `d`, `sec`, `min`) are understood; the period is always explicit.
 */
export function parseRate(value: string): { limit: number; windowSeconds: number } | undefined {
  const match = /^\s*(\d+)\s*\/\s*(.+)$/.exec(value);
  if (!match) return undefined;
  const limit = Number(match[1]);
  const windowSeconds = parseWindow(match[2]);
  if (limit <= 0 || windowSeconds === undefined) return undefined;
  return { limit, windowSeconds };
}

/** `1 s`, `10 s`, `1 h`: a window length for messages. */
export function formatWindow(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
