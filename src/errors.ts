/** Stable machine-readable codes of specgate's own errors. */
export type SpecgateErrorCode =
  | 'SPECGATE_SPEC_INVALID'
  | 'SPECGATE_SPEC_NOT_FOUND'
  | 'SPECGATE_CONFIG_INVALID'
  | 'SPECGATE_USAGE'
  | 'SPECGATE_HOST_NOT_ALLOWED'
  | 'SPECGATE_BUDGET_EXHAUSTED'
  | 'SPECGATE_TRANSPORT';

/** Base class of every error specgate raises on purpose; `code` is stable, `hint` says what to do. */
export class SpecgateError extends Error {
  override name = 'SpecgateError';
  readonly code: SpecgateErrorCode;
  readonly hint: string | undefined;

  constructor(code: SpecgateErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

/** A problem with what the user gave specgate (spec, config, flags): the CLI exits 2. */
export class UsageError extends SpecgateError {
  override name = 'UsageError';
}

export function isSpecgateError(value: unknown): value is SpecgateError {
  return value instanceof SpecgateError;
}

export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}
