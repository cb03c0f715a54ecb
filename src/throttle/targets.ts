import type { Config, ThrottleConfig } from '../config/schema.js';
import { matchesPattern } from '../run/select.js';
import type { ApiSpec, Operation } from '../spec/model.js';
import { parseRate, parseWindow, formatWindow } from './duration.js';
import { specDeclarations, type Declaration } from './declarations.js';
import type { ThrottleTarget } from './model.js';
import { isRateLimitHeader } from './rate-limit-headers.js';

/** Something in the spec or config that describes a throttle specgate cannot use; on an operation when it concerns one. */
export interface ThrottleProblem {
  operation?: Operation;
  message: string;
}

export interface ThrottleTargets {
  targets: ThrottleTarget[];
  problems: ThrottleProblem[];
}

interface Group {
  operations: Set<Operation>;
  declarations: Declaration[];
  scoped: boolean;
}

const cache = new WeakMap<ApiSpec, WeakMap<Config, ThrottleTargets>>();

/**
 * Every throttle of the API: the spec's `x-rate-limit` (and its spellings) first, the config's `throttles`
 * filling the gaps; operations sharing a scope form one target. Operations that only document a 429 or
 * rate-limit headers become targets without a limit. Computed once per spec and config.
 */
export function throttleTargets(spec: ApiSpec, config: Config): ThrottleTargets {
  let bySpec = cache.get(spec);
  if (!bySpec) cache.set(spec, (bySpec = new WeakMap()));
  let found = bySpec.get(config);
  if (!found) bySpec.set(config, (found = resolve(spec, config)));
  return found;
}

/** True when the spec declares or the config lists a throttle: the throttle checks then run unasked. */
export function throttlesDeclared(spec: ApiSpec, config: Config): boolean {
  return config.throttles.length > 0 || spec.operations.some((op) => specDeclarations(op).declarations.length > 0);
}

function resolve(spec: ApiSpec, config: Config): ThrottleTargets {
  const operations = [...spec.operations].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const problems: ThrottleProblem[] = [];
  const groups = new Map<string, Group>();
  const scopeOf = new Map<Operation, string>();
  const notProbed = new Map<Operation, string[]>();
  const join = (id: string, scoped: boolean, members: Operation[], declaration: Declaration | undefined) => {
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { operations: new Set(), declarations: [], scoped }));
    for (const op of members) group.operations.add(op);
    if (declaration) group.declarations.push(declaration);
  };

  for (const operation of operations) {
    const { declarations, problems: unreadable } = specDeclarations(operation);
    problems.push(...unreadable.map((message) => ({ operation, message })));
    const [tightest, ...looser] = [...declarations].sort((a, b) => (a.limit ?? Infinity) - (b.limit ?? Infinity));
    if (!tightest) continue;
    notProbed.set(operation, looser.map(describe));
    scopeOf.set(operation, tightest.scope ?? operation.key);
    join(tightest.scope ?? operation.key, tightest.scope !== undefined, [operation], tightest);
  }
  config.throttles.forEach((throttle, index) => {
    const members = configOperations(throttle, index, operations, scopeOf, problems);
    if (members.length === 0) return;
    const id = throttle.scope ?? scopeOf.get(members[0]!) ?? (members.length === 1 ? members[0]!.key : `throttles[${index}]`);
    join(id, throttle.scope !== undefined || members.length > 1 || groups.get(id)?.scoped === true, members, configDeclaration(throttle, index));
  });
  const grouped = new Set([...groups.values()].flatMap((group) => [...group.operations]));
  for (const operation of operations) {
    if (!grouped.has(operation) && documentsThrottling(operation)) join(operation.key, false, [operation], undefined);
  }
  return { targets: [...groups].map(([id, group]) => toTarget(id, group, notProbed)), problems };
}

function configOperations(throttle: ThrottleConfig, index: number, operations: Operation[], scopeOf: Map<Operation, string>, problems: ThrottleProblem[]): Operation[] {
  const members = new Set<Operation>();
  const named = [...(throttle.operation ? [throttle.operation] : []), ...(throttle.operations ?? [])];
  for (const pattern of named) {
    const matched = operations.filter((op) => matchesPattern(op.key, pattern));
    if (matched.length === 0) problems.push({ message: `throttles[${index}] names "${pattern}", which matches no operation of the spec (operations are "METHOD /path" as the spec writes the path)` });
    for (const op of matched) members.add(op);
  }
  if (throttle.scope !== undefined) {
    for (const op of operations) if (scopeOf.get(op) === throttle.scope) members.add(op);
    if (named.length === 0 && members.size === 0) problems.push({ message: `throttles[${index}] names scope "${throttle.scope}", which no x-rate-limit of the spec declares; list its operations` });
  }
  return [...members].sort((a, b) => (a.key < b.key ? -1 : 1));
}

function configDeclaration(throttle: ThrottleConfig, index: number): Declaration {
  const declaration: Declaration = { where: `throttles[${index}] in the config`, configKey: `throttles[${index}]` };
  const rate = typeof throttle.rate === 'string' ? parseRate(throttle.rate) : throttle.rate && { limit: throttle.rate.limit, windowSeconds: parseWindow(throttle.rate.window) };
  const limit = rate?.limit ?? throttle.limit;
  const windowSeconds = rate?.windowSeconds ?? parseWindow(throttle.window);
  if (limit !== undefined) declaration.limit = limit;
  if (windowSeconds !== undefined) declaration.windowSeconds = windowSeconds;
  if (throttle.key) declaration.key = throttle.key;
  if (throttle.identity !== undefined) declaration.identity = throttle.identity;
  if (throttle.tolerance !== undefined) declaration.tolerance = throttle.tolerance;
  return declaration;
}

function toTarget(id: string, group: Group, notProbed: Map<Operation, string[]>): ThrottleTarget {
  const operations = [...group.operations].sort((a, b) => (a.key < b.key ? -1 : 1));
  const first = <K extends keyof Declaration>(key: K) => group.declarations.find((d) => d[key] !== undefined);
  const limitFrom = first('limit');
  const target: ThrottleTarget = {
    id,
    label: group.scoped ? `scope "${id}" (${operations.map((op) => op.key).join(', ')})` : id,
    operations,
    key: first('key')?.key ?? 'ip',
    source: limitFrom?.where ?? `the documented 429 or rate-limit headers of ${operations.map((op) => op.key).join(', ')}`,
    configKey: limitFrom?.configKey ?? 'x-rate-limit',
    notProbed: operations.flatMap((op) => notProbed.get(op) ?? []),
  };
  if (limitFrom?.limit !== undefined) target.limit = limitFrom.limit;
  const windowSeconds = first('windowSeconds')?.windowSeconds;
  if (windowSeconds !== undefined) target.windowSeconds = windowSeconds;
  const identity = first('identity')?.identity;
  if (identity !== undefined) target.identity = identity;
  const tolerance = first('tolerance')?.tolerance;
  if (tolerance !== undefined) target.tolerance = tolerance;
  return target;
}

function documentsThrottling(operation: Operation): boolean {
  return operation.responses.some((response) => response.status === '429' || Object.keys(response.headers).some(isRateLimitHeader));
}

function describe(declaration: Declaration): string {
  const rate = declaration.limit !== undefined && declaration.windowSeconds !== undefined ? `${declaration.limit} per ${formatWindow(declaration.windowSeconds)}` : 'a limit';
  return `${rate} (${declaration.where})`;
}
