import { SchemaValidator } from '../schema/validator.js';
import type { ErrorFormat } from './format.js';
import { isObject } from './object.js';

interface SafeParser {
  safeParse(value: unknown): { success: boolean; error?: { issues?: readonly { path?: readonly PropertyKey[]; message: string }[] } };
}

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The `{ schema }` error format: a zod schema (anything with `safeParse`) or a JSON Schema (2020-12). */
export function userSchemaFormat(schema: Record<string, unknown> | boolean): ErrorFormat {
  if (isSafeParser(schema)) {
    return { kind: 'schema', name: 'the configured schema', validate: (body) => zodProblems(schema, body) };
  }
  const jsonSchema = isObject(schema) ? withoutForeignDialect(schema) : schema ? {} : { not: {} };
  const validator = new SchemaValidator('3.1.0');
  return {
    kind: 'schema',
    name: 'the configured schema',
    validate(body) {
      const verdict = validator.validate(jsonSchema, body, 'response');
      if (verdict instanceof Error) return [`the configured schema does not compile: ${verdict.message}`];
      return verdict.errors;
    },
  };
}

function isSafeParser(value: unknown): value is SafeParser {
  return isObject(value) && typeof value.safeParse === 'function';
}

function zodProblems(schema: SafeParser, body: unknown): string[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const issues = result.error?.issues ?? [];
  if (issues.length === 0) return ['the configured schema rejects it'];
  return issues.slice(0, 5).map((issue) => `/${(issue.path ?? []).map(String).join('/')}: ${issue.message}`);
}

/** Drops a `$schema` of another draft: the keywords error bodies use mean the same in 2020-12. */
function withoutForeignDialect(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.$schema === undefined || schema.$schema === DRAFT_2020) return schema;
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
