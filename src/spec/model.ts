/** The HTTP methods an OpenAPI path item may hold, in lower case as the spec writes them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A JSON Schema object as found in the (dereferenced) document. */
export type Schema = Record<string, unknown>;

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** One parameter of an operation, after path-level and operation-level parameters are merged. */
export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema?: Schema;
  example?: unknown;
  examples?: unknown[];
  style?: string;
  explode?: boolean;
}

export interface MediaType {
  /** Media type as written in the spec, e.g. `application/json`. */
  type: string;
  schema?: Schema;
  example?: unknown;
  examples?: unknown[];
}

export interface RequestBody {
  required: boolean;
  content: MediaType[];
}

/** One documented response. `status` is `"200"`, `"2XX"` or `"default"`. */
export interface ResponseSpec {
  status: string;
  description?: string;
  content: MediaType[];
  headers: Record<string, { required: boolean; schema?: Schema }>;
}

/** A security scheme from `components.securitySchemes` (or Swagger 2.0 `securityDefinitions`). */
export interface SecurityScheme {
  name: string;
  type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS' | 'basic';
  /** For `http`: `bearer`, `basic`, … (lower case). */
  scheme?: string;
  bearerFormat?: string;
  /** For `apiKey`: where the key goes and its name. */
  in?: 'header' | 'query' | 'cookie';
  paramName?: string;
}

/** One alternative of an operation's security: all named schemes together. An empty list means public. */
export type SecurityRequirement = { scheme: string; scopes: string[] }[];

/** One operation, normalised from Swagger 2.0, OpenAPI 3.0 or 3.1. */
export interface Operation {
  /** `METHOD /path/template`, upper-case method, the path as written in the spec. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  summary?: string;
  tags: string[];
  deprecated: boolean;
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: ResponseSpec[];
  /** Effective security alternatives; `[]` when none is declared, `[[]]` when explicitly public. */
  security: SecurityRequirement[];
  /** The operation's server path prefix (e.g. `/api/v1`), from `servers` or `basePath`; `""` when none. */
  serverPath: string;
  /** Vendor extensions of the path item and the operation (operation wins), keys with `x-`. */
  extensions: Record<string, unknown>;
}

/** A loaded, normalised API description. */
export interface ApiSpec {
  source: string;
  openapi: string;
  title: string;
  version: string;
  serverPath: string;
  operations: Operation[];
  securitySchemes: Record<string, SecurityScheme>;
  /** The dereferenced document (may hold circular references: never stringify it). */
  document: Record<string, unknown>;
}

/** True when the operation needs credentials: some alternative is declared and none is empty. */
export function isSecured(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((alt) => alt.length > 0);
}

/** True when the operation is explicitly public (`security: []` or an empty alternative). */
export function isPublic(operation: Operation): boolean {
  return operation.security.some((alt) => alt.length === 0);
}
