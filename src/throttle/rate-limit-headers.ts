import { integerParam, itemName, parseDictionary, parseList, type Item } from './structured-fields.js';

/** The header conventions specgate reads. */
export type HeaderFamily = 'RateLimit' | 'RateLimit (draft-07)' | 'RateLimit-Limit/-Remaining/-Reset' | 'X-RateLimit-*';

/** What one family of rate-limit headers on one response says. */
export interface RateLimitReading {
  family: HeaderFamily;
  limit?: number;
  remaining?: number;
  /** The reset value as sent: seconds until the reset, or (X-RateLimit-Reset at some servers) an epoch. */
  reset?: number;
  /** The policy window in seconds (`w`). */
  window?: number;
  /** The IETF policy name the values belong to. */
  policy?: string;
}

export interface RateLimitHeaders {
  readings: RateLimitReading[];
  /** `Name: value` of every rate-limit field that could not be parsed (clients must ignore those). */
  malformed: string[];
}

/** The limit and window the probe expects, used to pick one policy when a response announces several. */
export interface ExpectedPolicy {
  limit?: number | undefined;
  window?: number | undefined;
}

type Values = Omit<RateLimitReading, 'family'>;

interface Policy {
  name: string | undefined;
  quota: number | undefined;
  window: number | undefined;
  requests: boolean;
}

/**
 * Reads the rate-limit headers of a response: the IETF `RateLimit` / `RateLimit-Policy` structured fields
 * (draft-08 and later, e.g. draft-11 `"default";r=50;t=30`), the draft-07 `RateLimit: limit=…, remaining=…,
 * reset=…` dictionary, the draft-06 and earlier `RateLimit-Limit/-Remaining/-Reset`, and the de facto
 * `X-RateLimit-*`. Header names must be lower case. Several families may appear on one response.
 */
export function readRateLimitHeaders(headers: Readonly<Record<string, string>>, expected: ExpectedPolicy = {}): RateLimitHeaders {
  const malformed: string[] = [];
  const readings: RateLimitReading[] = [];
  const policies = readPolicies(headers['ratelimit-policy'], malformed);
  const combined = headers.ratelimit;
  if (combined !== undefined) {
    const reading = readCombined(combined, policies ?? [], expected);
    if (reading) readings.push(reading);
    else malformed.push(`RateLimit: ${combined}`);
  } else if (policies && policies.some((p) => p.name !== undefined)) {
    const policy = choosePolicy(policies, expected);
    if (policy) readings.push({ family: 'RateLimit', ...compact({ limit: policy.quota, window: policy.window, policy: policy.name }) });
  }
  const separate = readNumbers(headers, 'ratelimit', 'RateLimit', malformed, policies);
  if (separate) readings.push({ family: 'RateLimit-Limit/-Remaining/-Reset', ...separate });
  const legacy = readNumbers(headers, 'x-ratelimit', 'X-RateLimit', malformed, undefined);
  if (legacy) readings.push({ family: 'X-RateLimit-*', ...legacy });
  return { readings, malformed };
}

/** True for `RateLimit`, `RateLimit-*` and `X-RateLimit-*` header names (any case). */
export function isRateLimitHeader(name: string): boolean {
  return /^(x-)?ratelimit(-|$)/i.test(name);
}

function readPolicies(value: string | undefined, malformed: string[]): Policy[] | undefined {
  if (value === undefined) return undefined;
  const items = parseList(value);
  const policies = items?.map(toPolicy);
  if (!policies || policies.length === 0 || policies.some((p) => p.quota === undefined)) {
    malformed.push(`RateLimit-Policy: ${value}`);
    return undefined;
  }
  return policies;
}

function toPolicy(item: Item): Policy {
  const legacyQuota = typeof item.value === 'number' && Number.isInteger(item.value) ? item.value : undefined;
  const unit = item.params.get('qu');
  return {
    name: itemName(item),
    quota: legacyQuota ?? integerParam(item, 'q'),
    window: integerParam(item, 'w'),
    requests: unit === undefined || unit === 'requests',
  };
}

function readCombined(value: string, policies: Policy[], expected: ExpectedPolicy): RateLimitReading | undefined {
  const items = parseList(value);
  if (items && items.length > 0 && items.every((item) => itemName(item) !== undefined && integerParam(item, 'r') !== undefined)) {
    const candidates = items.map((item) => ({ item, policy: policies.find((p) => p.name === itemName(item)) }));
    const counting = candidates.filter((c) => c.policy?.requests !== false);
    const chosen =
      counting.find((c) => expected.limit !== undefined && c.policy?.quota === expected.limit) ??
      counting.find((c) => expected.window !== undefined && c.policy?.window === expected.window) ??
      counting.sort((a, b) => integerParam(a.item, 'r')! - integerParam(b.item, 'r')!)[0];
    if (!chosen) return undefined;
    const values = compact({
      limit: chosen.policy?.quota,
      remaining: integerParam(chosen.item, 'r'),
      reset: integerParam(chosen.item, 't'),
      window: chosen.policy?.window,
      policy: itemName(chosen.item),
    });
    return { family: 'RateLimit', ...values };
  }
  const dictionary = parseDictionary(value);
  const number = (key: string) => {
    const member = dictionary?.get(key)?.value;
    return typeof member === 'number' ? member : undefined;
  };
  if (number('remaining') === undefined) return undefined;
  return { family: 'RateLimit (draft-07)', ...compact({ limit: number('limit'), remaining: number('remaining'), reset: number('reset'), window: policies[0]?.window, policy: undefined }) };
}

function choosePolicy(policies: Policy[], expected: ExpectedPolicy): Policy | undefined {
  const counting = policies.filter((p) => p.requests);
  return counting.find((p) => p.quota === expected.limit) ?? counting.find((p) => p.window === expected.window) ?? counting[0];
}

function readNumbers(
  headers: Readonly<Record<string, string>>,
  prefix: string,
  display: string,
  malformed: string[],
  policies: Policy[] | undefined,
): Values | undefined {
  const read = (suffix: string) => {
    const value = headers[`${prefix}-${suffix}`];
    if (value === undefined) return undefined;
    const first = Number(value.split(/[,;]/)[0]!.trim());
    if (value.trim() !== '' && Number.isFinite(first) && first >= 0) return first;
    malformed.push(`${display}-${suffix[0]!.toUpperCase()}${suffix.slice(1)}: ${value}`);
    return undefined;
  };
  const reading = compact({ limit: read('limit'), remaining: read('remaining'), reset: read('reset'), window: policies?.[0]?.window, policy: undefined });
  return reading.limit === undefined && reading.remaining === undefined && reading.reset === undefined ? undefined : reading;
}

/** Drops undefined members (the reading's fields are optional, never undefined). */
function compact(values: { [K in keyof Values]: Values[K] | undefined }): Values {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Values;
}
