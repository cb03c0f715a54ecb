import type { Evidence } from '../checks/result.js';
import type { Exchange } from './exchange.js';

export interface RedactorOptions {
  /** Headers whose values are credentials, besides the standard ones (any case). */
  headerNames?: Iterable<string>;
  /** Query parameters that carry credentials (API-key schemes `in: query`). */
  queryNames?: Iterable<string>;
  /** JSON and form fields whose values are credentials, besides the standard ones. */
  bodyFields?: Iterable<string>;
  /** Literal secrets (configured tokens, passwords, env values) to hide wherever they appear. */
  secrets?: Iterable<string>;
}

export interface Redactor {
  /** The exchange as reports show it: credentials masked, secrets replaced, bodies capped at 2 KiB. */
  evidence(exchange: Exchange): Evidence;
  url(url: string): string;
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /** A body for a report: credential fields masked, secrets replaced, capped at 2 KiB. */
  body(text: string, contentType?: string, truncated?: boolean): string;
  /** Any text (messages, errors) with every literal secret replaced by `***`. */
  redactText(text: string): string;
  /** Registers a secret learned at run time (a token from a login flow). */
  addSecret(secret: string): void;
}

const MASK = '***';
// Shorter values cannot be hidden as text without masking every word they occur in (an altered one-letter key
// would turn each "c" of every message into `***`); credentials are longer.
const MIN_SECRET_LENGTH = 4;
const CUT = '…';
const CUT_SECRET_CHARS = 6;
const EVIDENCE_BODY_BYTES = 2048;
const TRUNCATED = '…(truncated)';
const MAX_DEPTH = 32;
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token'];
const CREDENTIAL_FIELDS = [
  'access',
  'refresh',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
  'secret',
  'client_secret',
  'api_key',
];
// Scheme words kept in front of `***` for headers other than (proxy-)authorization, whose first word always is one.
const AUTH_SCHEMES = new Set(['basic', 'bearer', 'digest', 'dpop', 'negotiate', 'ntlm', 'token', 'apikey']);

/** A redactor for reports: masks credential headers, query parameters and body fields, and literal secrets. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const headerNames = lowerSet(CREDENTIAL_HEADERS, options.headerNames);
  const bodyFields = lowerSet(CREDENTIAL_FIELDS, options.bodyFields);
  const queryPattern = pairPattern(lowerSet(CREDENTIAL_FIELDS, options.queryNames));
  const formPattern = pairPattern(bodyFields);
  const fieldPattern = jsonFieldPattern(bodyFields);
  const secrets = new Set<string>();
  let longestFirst: string[] = [];

  const redactText = (text: string): string =>
    maskCutSecrets(
      longestFirst.reduce(
        (out, secret) => out.replaceAll(secret, MASK),
        text.includes('=') ? text.replace(queryPattern, `$1$2=${MASK}`) : text,
      ),
      longestFirst,
    );

  const url = (value: string): string => redactText(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)[^/?#@]*@/i, `$1${MASK}@`));

  const headers = (values: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => {
        const lower = name.toLowerCase();
        return [name, headerNames.has(lower) ? maskCredential(value, lower.endsWith('authorization')) : redactText(value)];
      }),
    );

  const body = (text: string, contentType = '', truncated = false): string => {
    const masked = /x-www-form-urlencoded/i.test(contentType)
      ? text.replace(formPattern, `$1$2=${MASK}`)
      : (maskJson(text, bodyFields) ?? text.replace(fieldPattern, `"$1":"${MASK}"`));
    return capBytes(redactText(masked), truncated);
  };

  const addSecret = (secret: string): void => {
    if (secret.length < MIN_SECRET_LENGTH) return;
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) secrets.add(form);
    longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  };
  for (const secret of options.secrets ?? []) addSecret(secret);

  const evidence = ({ request, response, error }: Exchange): Evidence => {
    const result: Evidence = {
      request: { method: request.method, url: url(request.url), headers: headers(request.headers) },
    };
    if (request.body !== undefined) {
      const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
      result.request.body = body(text, headerValue(request.headers, 'content-type'));
    }
    if (response) {
      result.response = {
        status: response.status,
        headers: headers(response.headers),
        body: body(response.body, response.headers['content-type'], response.truncated),
      };
    }
    if (error !== undefined) result.error = redactText(error);
    return result;
  };

  return { evidence, url, headers, body, redactText, addSecret };
}

// A check that quotes a response cuts the quote where it likes and marks the cut with `…`: the part of a secret
// on either side of the mark (its head before it, its tail after it, CUT_SECRET_CHARS or more) is masked.
function maskCutSecrets(text: string, secrets: readonly string[]): string {
  if (!text.includes(CUT)) return text;
  let parts = text.split(CUT);
  for (const secret of secrets) {
    if (secret.length <= CUT_SECRET_CHARS) continue;
    parts = parts.map((part, i) => {
      const before = i > 0 ? maskTail(part, secret) : part;
      return i < parts.length - 1 ? maskHead(before, secret) : before;
    });
  }
  return parts.join(CUT);
}

// `…"token":"sk_live_4f1c` → `…"token":"***`: the longest head of the secret the text ends with.
function maskHead(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= CUT_SECRET_CHARS; length--) {
    if (text.charCodeAt(text.length - 1) === secret.charCodeAt(length - 1) && text.endsWith(secret.slice(0, length))) return text.slice(0, text.length - length) + MASK;
  }
  return text;
}

// `4f1c2a9e at handler` → `*** at handler`: the longest tail of the secret the text starts with.
function maskTail(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= CUT_SECRET_CHARS; length--) {
    if (text.charCodeAt(0) === secret.charCodeAt(secret.length - length) && text.startsWith(secret.slice(-length))) return MASK + text.slice(length);
  }
  return text;
}

function lowerSet(defaults: readonly string[], extra: Iterable<string> = []): ReadonlySet<string> {
  return new Set([...defaults, ...extra].map((name) => name.toLowerCase()));
}

function maskCredential(value: string, isAuthorization: boolean): string {
  if (value === '') return value;
  const scheme = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s+\S/.exec(value)?.[1];
  return scheme && (isAuthorization || AUTH_SCHEMES.has(scheme.toLowerCase())) ? `${scheme} ${MASK}` : MASK;
}

// `?a=1&token=x` → `?a=1&token=***` for the named keys, wherever such pairs appear: URLs (query and fragment),
// URLs quoted in bodies and messages, form bodies. A colon or parenthesis that ends the value is prose
// (`GET /x?key=…: timeout`, `(GET /x?key=…)`).
function pairPattern(names: ReadonlySet<string>): RegExp {
  return new RegExp(`(^|[?&#])(${alternatives(names)})=(?:[^&#\\s"'<>\\\\:)]|[:)](?![\\s,.;:)]|$))*`, 'gi');
}

// Masks named fields at any depth (subtrees deeper than MAX_DEPTH are masked whole); the text is kept as it
// was when nothing matched, and `undefined` means the text is not JSON.
function maskJson(text: string, fields: ReadonlySet<string>): string | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  let changed = false;
  const visit = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) {
      changed = true;
      return MASK;
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        if (!fields.has(key.toLowerCase())) return [key, visit(item, depth + 1)];
        changed = true;
        return [key, MASK];
      }),
    );
  };
  const masked = visit(root, 0);
  return changed ? JSON.stringify(masked) : text;
}

// For text that does not parse as JSON (cut by the transport cap, embedded in HTML): `"token": "x"` and
// `"token": 12` become `"token":"***"`, an unterminated string value included.
function jsonFieldPattern(fields: ReadonlySet<string>): RegExp {
  return new RegExp(`"(${alternatives(fields)})"\\s*:\\s*(?:"(?:[^"\\\\]|\\\\.)*"?|[^,}\\]\\s]+)`, 'gi');
}

function alternatives(names: ReadonlySet<string>): string {
  return [...names].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function capBytes(text: string, truncated: boolean): string {
  const bytes = Buffer.from(text);
  if (bytes.length <= EVIDENCE_BODY_BYTES) return truncated ? text + TRUNCATED : text;
  return new TextDecoder().decode(bytes.subarray(0, EVIDENCE_BODY_BYTES), { stream: true }) + TRUNCATED;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
