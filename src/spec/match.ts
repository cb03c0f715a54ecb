import { UsageError } from '../errors.js';
import type { ApiSpec, Operation } from './model.js';

// How specific a template segment is: literal text beats `v{version}`, which beats a bare `{id}`.
const LITERAL = 2;
const PARTLY_TEMPLATED = 1;
const PARAMETER = 0;

interface Route {
  operation: Operation;
  matchers: ((segment: string) => boolean)[];
  ranks: number[];
}

const PLACEHOLDER = /\{[^{}]+\}/g;
const routeCache = new WeakMap<Operation[], Route[]>();

/**
 * The operation whose `serverPath` + path template matches a concrete request path (percent-encoded,
 * as sent; a query string is ignored). When several match, the one with a literal segment where the
 * others have a parameter wins, leftmost difference first.
 */
export function matchOperation(spec: ApiSpec, method: string, pathname: string): Operation | undefined {
  const wanted = method.toLowerCase();
  const segments = pathname.replace(/[?#][\s\S]*$/, '').split('/').map(decodeSegment);
  let best: Route | undefined;
  for (const route of routesOf(spec.operations)) {
    if (route.operation.method !== wanted || route.matchers.length !== segments.length) continue;
    if (!route.matchers.every((matches, index) => matches(segments[index] ?? ''))) continue;
    if (best === undefined || moreSpecific(route.ranks, best.ranks)) best = route;
  }
  return best?.operation;
}

/**
 * Fills the `{name}` placeholders of a path template with percent-encoded values.
 *
 * @throws UsageError SPECGATE_USAGE when a placeholder has no value.
 */
export function expandPath(template: string, values: Readonly<Record<string, string | number | boolean>>): string {
  return template.replace(PLACEHOLDER, (placeholder) => {
    const name = placeholder.slice(1, -1);
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) {
      throw new UsageError('SPECGATE_USAGE', `no value for path parameter "${name}" of ${template}`, {
        hint: `give "${name}" a value, e.g. a fixture in the specgate config`,
      });
    }
    return encodeURIComponent(String(value));
  });
}

function routesOf(operations: Operation[]): Route[] {
  let routes = routeCache.get(operations);
  if (!routes) {
    routes = operations.map(toRoute);
    routeCache.set(operations, routes);
  }
  return routes;
}

function toRoute(operation: Operation): Route {
  const segments = `${operation.serverPath}${operation.path}`.split('/');
  return {
    operation,
    matchers: segments.map(segmentMatcher),
    ranks: segments.map((segment) => (!segment.includes('{') ? LITERAL : /^\{[^{}]+\}$/.test(segment) ? PARAMETER : PARTLY_TEMPLATED)),
  };
}

function segmentMatcher(template: string): (segment: string) => boolean {
  if (!template.includes('{')) return (segment) => segment === template;
  const pattern = new RegExp(`^${template.split(PLACEHOLDER).map(escapeRegExp).join('[\\s\\S]+?')}$`);
  return (segment) => pattern.test(segment);
}

function moreSpecific(ranks: number[], than: number[]): boolean {
  const index = ranks.findIndex((rank, at) => rank !== than[at]);
  return index !== -1 && (ranks[index] ?? 0) > (than[index] ?? 0);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
