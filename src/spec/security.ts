import type { SpecContext } from './context.js';
import type { SecurityRequirement, SecurityScheme } from './model.js';
import { toPointer } from './pointer.js';
import { specInvalid } from './problem.js';
import { asRecord, isRecord, stringList, type JsonObject } from './record.js';

const API_KEY_LOCATIONS = ['header', 'query', 'cookie'] as const;

/**
 * An operation's effective security alternatives: its own `security`, else the document's, else
 * `[]` (none declared). A declared empty list makes the operation explicitly public: `[[]]`.
 */
export function effectiveSecurity(operation: JsonObject, document: JsonObject): SecurityRequirement[] {
  return requirementsOf(operation.security) ?? requirementsOf(document.security) ?? [];
}

function requirementsOf(value: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return [[]];
  return value.map((alternative) =>
    Object.entries(asRecord(alternative)).map(([scheme, scopes]) => ({ scheme, scopes: stringList(scopes) ?? [] })),
  );
}

/** The security schemes of `components.securitySchemes` (3.x) or `securityDefinitions` (2.0), by name. */
export function securitySchemesOf(context: SpecContext): Record<string, SecurityScheme> {
  const { document } = context;
  const [schemes, pointer] = context.swagger2
    ? [document.securityDefinitions, '/securityDefinitions']
    : [asRecord(document.components).securitySchemes, '/components/securitySchemes'];
  const result: Record<string, SecurityScheme> = {};
  for (const [name, raw] of Object.entries(asRecord(schemes))) {
    const scheme = isRecord(raw) ? toScheme(name, raw) : undefined;
    if (!scheme) {
      throw specInvalid(
        context.source,
        pointer + toPointer([name]),
        `security scheme "${name}" has no known type`,
        context.swagger2 ? 'use type basic, apiKey or oauth2' : 'use type http, apiKey, oauth2, openIdConnect or mutualTLS',
      );
    }
    result[name] = scheme;
  }
  return result;
}

function toScheme(name: string, raw: JsonObject): SecurityScheme | undefined {
  switch (raw.type) {
    case 'basic':
      return { name, type: 'http', scheme: 'basic' };
    case 'http':
      return {
        name,
        type: 'http',
        ...(typeof raw.scheme === 'string' && { scheme: raw.scheme.toLowerCase() }),
        ...(typeof raw.bearerFormat === 'string' && { bearerFormat: raw.bearerFormat }),
      };
    case 'apiKey': {
      const location = API_KEY_LOCATIONS.find((candidate) => candidate === raw.in);
      return { name, type: 'apiKey', ...(location && { in: location }), ...(typeof raw.name === 'string' && { paramName: raw.name }) };
    }
    case 'oauth2':
    case 'openIdConnect':
    case 'mutualTLS':
      return { name, type: raw.type };
    default:
      return undefined;
  }
}
