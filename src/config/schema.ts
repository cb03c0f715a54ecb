import { z } from 'zod';
import { parseRate, parseWindow } from '../throttle/duration.js';

const headers = z.record(z.string(), z.string());

/** How an identity logs in: call a token operation and take the token from the response. */
const loginSchema = z.strictObject({
  operation: z.string().regex(/^[A-Za-z]+ \//, 'expected "METHOD /path", e.g. "POST /api/auth/token/"'),
  body: z.unknown().optional(),
  headers: headers.optional(),
  /** JSON pointer of the token in the response body, e.g. `/access`. */
  token: z.string().startsWith('/').default('/access_token'),
  /** JSON pointer of the refresh token in the login (and refresh) response, used with `refresh`. */
  refreshToken: z.string().startsWith('/').optional(),
  /** The refresh operation; its JSON body gets the refresh token under the last segment of `refreshToken`. */
  refresh: z
    .strictObject({
      operation: z.string(),
      body: z.unknown().optional(),
      token: z.string().startsWith('/').optional(),
    })
    .optional(),
  scheme: z.string().default('Bearer'),
  header: z.string().default('Authorization'),
}).refine((login) => !login.refresh || login.refreshToken, {
  message: 'login.refresh needs login.refreshToken, the JSON pointer of the refresh token in the login response',
  path: ['refreshToken'],
});

const identitySchema = z.strictObject({
  tenant: z.string().optional(),
  role: z.string().optional(),
  headers: headers.optional(),
  query: z.record(z.string(), z.string()).optional(),
  cookies: z.record(z.string(), z.string()).optional(),
  /** Credentials per security scheme name: a token, an API key, or `user:password` for basic. */
  credentials: z.record(z.string(), z.string()).optional(),
  login: loginSchema.optional(),
  /** An expired token of this identity, used by `auth.invalid-credentials`. */
  expiredToken: z.string().optional(),
});

const durationSchema = z
  .union([z.number().positive(), z.string()])
  .refine((value) => parseWindow(value) !== undefined, 'expected a duration like "60s", "1m", "1h" or a number of seconds');

const rateSchema = z.union([
  z.string().refine((value) => parseRate(value) !== undefined, 'expected a rate like "5/min", "100/hour" or "10/10s"'),
  z.strictObject({ limit: z.number().int().positive(), window: durationSchema }),
]);

/**
 * A throttle to probe, or details added to one the spec declares (`x-rate-limit`): the spec's values win,
 * the config fills the gaps. Names an operation, several (keys or globs), or a spec scope.
 */
const throttleSchema = z
  .strictObject({
    operation: z.string().regex(/^[A-Za-z]+ \//, 'expected "METHOD /path", e.g. "POST /api/auth/token/"').optional(),
    operations: z.array(z.string()).min(1).optional(),
    /** A scope name: operations whose `x-rate-limit.scope` is this name count together with `operations`. */
    scope: z.string().optional(),
    rate: rateSchema.optional(),
    limit: z.number().int().positive().optional(),
    window: durationSchema.optional(),
    key: z.enum(['ip', 'identity', 'global']).optional(),
    /** The identity to probe as; for `key: "identity"` another identity checks isolation. */
    identity: z.string().optional(),
    /** Requests the first 429 may come early or late; default: what can refill while the burst runs. */
    tolerance: z.number().int().nonnegative().optional(),
  })
  .superRefine((throttle, ctx) => {
    if (!throttle.operation && !throttle.operations && !throttle.scope) {
      ctx.addIssue({ code: 'custom', message: 'name the operation, operations or scope this limit applies to' });
    }
    if (throttle.rate !== undefined && (throttle.limit !== undefined || throttle.window !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either rate or limit and window, not both', path: ['rate'] });
    }
  });

/** A JSON Schema (object or boolean) or a schema object with `safeParse`, such as a zod schema from a TS config. */
const userSchema = z.custom<Record<string, unknown> | boolean>(
  (value) => typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
  'expected a JSON Schema object, or a zod schema from a TypeScript config',
);

const errorFormatSchema = z.union([
  z.enum(['envelope', 'problem+json', 'detail']),
  z.strictObject({ schema: userSchema }),
]);

/** Envelope `error.code` values per HTTP status, `{ "404": "not_found", "400": ["validation_error", "parse_error"] }`. */
const errorCodesSchema = z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).superRefine((codes, ctx) => {
  for (const status of Object.keys(codes).filter((key) => !/^[1-5]\d\d$/.test(key))) {
    ctx.addIssue({ code: 'custom', path: [status], message: `"${status}" is not an HTTP status code; expected one such as "404"` });
  }
});

/** An HTTP header name (RFC 9110 token). */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected an HTTP header name such as "X-Request-Id"');

/** The specgate configuration file (specgate.config.ts | .js | .json | .yaml). */
export const configSchema = z.strictObject({
  spec: z.string().optional(),
  baseUrl: z.url().optional(),
  identities: z.record(z.string(), identitySchema).default({}),
  /** Parameter values that exist, per tenant (or `default`): `{ acme: { model_id: "m-1" } }`. */
  fixtures: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Roles allowed per operation key, `{ "POST /api/models/": ["admin"] }`. */
  roles: z.record(z.string(), z.array(z.string())).default({}),
  auth: z
    .strictObject({
      /** Accept 400 (RFC 6750 §3.1 invalid_request) besides 401 for an empty or malformed credential. */
      allowBadRequest: z.boolean().default(true),
    })
    .default({ allowBadRequest: true }),
  tenancy: z
    .strictObject({
      /** Let tenancy checks send non-safe methods with another tenant's real ids (needs --allow-destructive too). */
      crossTenantWrites: z.boolean().default(false),
      /** Ids that exist for no tenant, by parameter name, instead of generated ones of the fixtures' shape. */
      nonexistent: z.record(z.string(), z.unknown()).default({}),
    })
    .default({ crossTenantWrites: false, nonexistent: {} }),
  throttles: z.array(throttleSchema).default([]),
  /** The API's error format (inferred from the document when absent) and the envelope's codes per status. */
  errors: z
    .strictObject({
      format: errorFormatSchema.optional(),
      codes: errorCodesSchema.optional(),
    })
    .default({}),
  /** The request id header (default: one the document declares, else X-Request-Id); `false` turns it off. */
  requestIdHeader: z.union([headerName, z.literal(false)]).optional(),
  safety: z
    .strictObject({
      methods: z.enum(['safe', 'all']).default('safe'),
      maxRequests: z.number().int().positive().default(5000),
      allowHosts: z.array(z.string()).default([]),
      /** Operations that may be called even though their method is not safe (e.g. a search POST). */
      safeOperations: z.array(z.string()).default([]),
    })
    .default({ methods: 'safe', maxRequests: 5000, allowHosts: [], safeOperations: [] }),
  /** Extra request headers sent on every request (not credentials). */
  headers: headers.default({}),
  checks: z
    .strictObject({
      include: z.array(z.string()).optional(),
      exclude: z.array(z.string()).default([]),
    })
    .default({ exclude: [] }),
  /** Operations to leave out entirely, by key or glob (`GET /internal/*`). */
  exclude: z.array(z.string()).default([]),
  concurrency: z.number().int().positive().max(256).default(8),
  timeout: z.number().int().positive().default(10_000),
  /** Globs of the project's suite files (default export `defineSuite(…)`), relative to the config file. */
  suites: z.array(z.string()).default([]),
  /** A JSON file of accepted findings (`[{ check, operation, identity? }]`): they no longer fail the gate. */
  baseline: z.string().optional(),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type IdentityConfig = z.output<typeof identitySchema>;
export type ThrottleConfig = z.output<typeof throttleSchema>;
