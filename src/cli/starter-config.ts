import { isPublic, type ApiSpec, type SecurityScheme } from '../spec/model.js';

/** A starter config and what the user still has to do with it. */
export interface Starter {
  config: Record<string, unknown>;
  /** Environment variables the identities read their secrets from. */
  env: string[];
  /** Path parameters that need fixtures, with the operations that use them. */
  fixtures: Record<string, string[]>;
  schemes: SecurityScheme[];
  roles: string[];
  /** Public POST operations that look like a login, for a `login` flow instead of static credentials. */
  logins: string[];
}

const TENANTS = ['tenant-a', 'tenant-b'];
const LOGIN_PATH = /(token|login|signin|sign-in|session|auth)/i;

/**
 * A starter config from a spec: the spec and base URL, an identity per security scheme and tenant with its
 * secret read from `${ENV}` (plus one identity per further role found in x-roles), and a placeholder fixture
 * per tenant for every path parameter.
 */
export function starterConfig(spec: ApiSpec, options: { spec: string; baseUrl: string | undefined }): Starter {
  const used = new Set(spec.operations.flatMap((op) => op.security.flat().map((r) => r.scheme)));
  const schemes = Object.values(spec.securitySchemes).filter((s) => used.has(s.name) && s.type !== 'mutualTLS');
  const roles = [...new Set(spec.operations.flatMap((op) => (Array.isArray(op.extensions['x-roles']) ? op.extensions['x-roles'].map(String) : [])))];
  const env: string[] = [];
  const identities: Record<string, Record<string, unknown>> = {};
  const add = (tenant: string, scheme: SecurityScheme, role: string | undefined, name: string) => {
    const variable = envName(name);
    env.push(variable);
    identities[name] = { tenant, ...(role === undefined ? {} : { role }), credentials: { [scheme.name]: `\${${variable}}` } };
  };
  for (const tenant of TENANTS) for (const scheme of schemes) add(tenant, scheme, roles[0], `${tenant}-${slug(scheme.name)}`);
  if (schemes[0]) for (const role of roles.slice(1)) add(TENANTS[0]!, schemes[0], role, `${TENANTS[0]}-${slug(role)}`);

  const fixtures: Record<string, string[]> = {};
  for (const op of spec.operations) for (const p of op.parameters.filter((p) => p.in === 'path')) (fixtures[p.name] ??= []).push(op.key);
  const placeholders = (tenant: string) => Object.fromEntries(Object.keys(fixtures).map((name) => [name, `<${name} of a resource that exists in ${tenant}>`]));

  const config: Record<string, unknown> = {
    spec: options.spec,
    baseUrl: options.baseUrl ?? documentedBaseUrl(spec) ?? 'http://127.0.0.1:8000',
    ...(schemes.length > 0 ? { identities } : {}),
    ...(Object.keys(fixtures).length > 0 ? { fixtures: Object.fromEntries(TENANTS.map((t) => [t, placeholders(t)])) } : {}),
  };
  const logins = spec.operations.filter((op) => op.method === 'post' && isPublic(op) && LOGIN_PATH.test(op.path)).map((op) => op.key);
  return { config, env, fixtures, schemes, roles, logins };
}

/** How a scheme carries its secret, for the summary: `http bearer`, `apiKey in header X-API-Key`. */
export function describeScheme(scheme: SecurityScheme): string {
  if (scheme.type === 'apiKey') return `apiKey in ${scheme.in ?? 'header'} ${scheme.paramName ?? ''}`.trim();
  return scheme.type === 'http' ? `http ${scheme.scheme ?? ''}`.trim() : scheme.type;
}

function documentedBaseUrl(spec: ApiSpec): string | undefined {
  const servers = spec.document.servers;
  const url = Array.isArray(servers) ? (servers[0] as { url?: unknown } | undefined)?.url : undefined;
  return typeof url === 'string' && /^https?:\/\/[^{}]+$/.test(url) ? url.replace(/\/+$/, '') : undefined;
}

function envName(identity: string): string {
  return `SPECGATE_${identity.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}
