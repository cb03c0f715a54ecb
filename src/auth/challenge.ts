/** One challenge of a WWW-Authenticate field: the auth-scheme and its parameters (names in lower case). */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const PARAM = new RegExp(`^(${TOKEN})\\s*=\\s*(.*)$`, 's');
const START = new RegExp(`^(${TOKEN})(?:\\s+(.*))?$`, 's');

/**
 * Parses WWW-Authenticate (RFC 9110 §11.6.1): `#challenge`, each `auth-scheme [ token68 / #auth-param ]`;
 * repeated fields arrive joined with `, `. Quoted strings may hold commas and escaped quotes.
 */
export function parseChallenges(field: string): Challenge[] {
  const challenges: Challenge[] = [];
  for (const item of splitList(field)) {
    const current = challenges.at(-1);
    const param = PARAM.exec(item);
    if (param && current && current.token68 === undefined) {
      current.params[param[1]!.toLowerCase()] = unquote(param[2]!.trim());
      continue;
    }
    const start = START.exec(item);
    if (!start) continue;
    const challenge: Challenge = { scheme: start[1]!, params: {} };
    const rest = start[2]?.trim();
    const first = rest ? PARAM.exec(rest) : undefined;
    if (first && !/^=*$/.test(first[2]!.trim())) challenge.params[first[1]!.toLowerCase()] = unquote(first[2]!.trim());
    else if (rest) challenge.token68 = rest;
    challenges.push(challenge);
  }
  return challenges;
}

function splitList(field: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < field.length; i++) {
    const char = field[i]!;
    if (quoted && char === '\\') {
      current += char + (field[++i] ?? '');
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  items.push(current.trim());
  return items.filter(Boolean);
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  return value.slice(1, value.endsWith('"') ? -1 : undefined).replace(/\\(.)/g, '$1');
}
