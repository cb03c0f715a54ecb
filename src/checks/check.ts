import type { Config } from '../config/schema.js';
import type { Exchange, OutgoingRequest } from '../http/exchange.js';
import type { ApiSpec, Operation } from '../spec/model.js';
import type { Identity } from '../auth/identity.js';
import type { SampleResult } from '../sample/request.js';
import type { Finding, Severity } from './result.js';

export type Family = 'paths' | 'auth' | 'tenancy' | 'throttle' | 'errors' | (string & {});

/** How to send a request: as which identity (none = anonymous), and whether it may be a non-safe method. */
export interface SendOptions {
  identity?: Identity | undefined;
  /** Raw credentials to use instead of the identity's (negative credentials, tampered tokens). */
  credentials?: { headers?: Record<string, string>; query?: Record<string, string> };
  /** Do not retry an unexpected 429 (the throttle suite wants to see every 429). */
  noBackoff?: boolean;
}

/** A valid request for an operation (and which path parameters were generated), or which fixtures are missing. */
export type { SampleResult };

/** What a check gets to work with. The runner owns the transport, budget, safety and recording. */
export interface CheckContext {
  spec: ApiSpec;
  config: Config;
  /** The operation under check; undefined for API-wide checks. */
  operation: Operation | undefined;
  identities: Identity[];
  allowDestructive: boolean;
  maxWaitSeconds: number;
  /** Sends a request through the runner: host allowlist, budget, redaction, 429 back-off, recording. */
  send(request: OutgoingRequest, options?: SendOptions): Promise<Exchange>;
  /** A valid request for the operation, filled with the tenant's fixtures; `values` override fixtures by parameter name. */
  sample(operation: Operation, options?: { tenant?: string | undefined; values?: Record<string, unknown> | undefined }): SampleResult;
  /**
   * The shared valid exchange for the operation as its best authorised identity, sent once per run and
   * reused by every check that needs it. Undefined when it cannot be sent (reason in `skipReason`).
   */
  primary(operation: Operation): Promise<PrimaryExchange>;
  /** Computes a value once per run and shares it between checks (e.g. the unknown-path probe). */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Every exchange recorded so far in this run (for checks that observe others' traffic). */
  exchanges(): readonly Exchange[];
  /** True when the method may be sent under the current safety settings. */
  mayCall(operation: Operation): boolean;
  /** Registers a secret derived during the run (a tampered token, an altered key) so reports redact it. */
  addSecret(secret: string): void;
}

export type PrimaryExchange =
  | { exchange: Exchange; identity: Identity | undefined }
  | { skip: string; enableWith: string };

/**
 * One contract rule. `scope: "operation"` runs once per operation; `"api"` once per run; `"observe"` once
 * per run after every other check, reading the exchanges recorded by all of them.
 */
export interface CheckDefinition {
  id: string;
  family: Family;
  title: string;
  severity: Severity;
  scope: 'operation' | 'api' | 'observe';
  /** Text for `specgate explain`: what it asserts, why, the references, the usual fix. */
  explain: { asserts: string; why: string; references: string[]; fix: string };
  /** Runs alone after other families (throttles), never interleaved with other traffic. */
  isolated?: boolean;
  /** For opt-in checks: whether they run without being selected by --suite/--check (e.g. throttles configured). */
  optIn?(spec: ApiSpec, config: Config): boolean;
  /** Decides whether the check applies to this operation; return a skip finding or undefined. */
  appliesTo?(operation: Operation, ctx: CheckContext): Finding | undefined | false;
  run(ctx: CheckContext): Promise<Finding[]>;
}
