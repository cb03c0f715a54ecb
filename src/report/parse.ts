import { z } from 'zod';
import { formatIssues } from '../config/load.js';
import { UsageError } from '../errors.js';
import type { Report } from './model.js';

const count = z.number().int().nonnegative();

const reportSchema = z.looseObject({
  tool: z.literal('specgate'),
  version: z.string(),
  spec: z.looseObject({ title: z.string(), version: z.string(), openapi: z.string(), operations: count }),
  baseUrl: z.string(),
  summary: z.looseObject({ passed: count, failed: count, skipped: count, errored: count, requests: count, durationMs: z.number().nonnegative() }),
  results: z.array(
    z.looseObject({
      check: z.string(),
      operation: z.string(),
      outcome: z.enum(['pass', 'fail', 'skip', 'error']),
      severity: z.enum(['critical', 'error', 'warning']),
      message: z.string(),
    }),
  ),
  shard: z.object({ index: z.number().int().positive(), total: z.number().int().positive() }).optional(),
});

/** A JSON report as `--json` writes it, read back (for `specgate merge`); anything else is a UsageError. */
export function parseReport(text: string, source: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError('SPECGATE_USAGE', `${source} is not JSON: ${(error as Error).message}`, { hint: 'pass the files that `specgate run --json FILE` wrote' });
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError('SPECGATE_USAGE', `${source} is not a specgate JSON report:\n${formatIssues(parsed.error.issues)}`, {
      hint: 'pass the files that `specgate run --json FILE` wrote',
    });
  }
  return raw as Report;
}
