import pLimit from 'p-limit';
import { createIdentities } from '../auth/identities.js';
import { createLoginFlow } from '../auth/login.js';
import type { CheckContext, CheckDefinition } from '../checks/check.js';
import { builtinRegistry } from '../checks/builtin.js';
import type { CheckRegistry } from '../checks/registry.js';
import { errored, type Evidence, type Finding, type Result } from '../checks/result.js';
import type { Config } from '../config/schema.js';
import { isSpecgateError } from '../errors.js';
import type { Exchange, HttpClient } from '../http/exchange.js';
import type { Redactor } from '../http/redact.js';
import { summarise, type Report } from '../report/model.js';
import type { ApiSpec, Operation } from '../spec/model.js';
import { VERSION } from '../version.js';
import { RequestBudget } from './budget.js';
import type { RunListener } from './events.js';
import { createRunRedactor } from './redaction.js';
import { selectChecks, selectOperations, type Selection } from './select.js';
import { alignServerPath } from './server-path.js';
import { RunSession } from './session.js';
import { inWaves } from './waves.js';
import { toResult } from './to-result.js';

export interface RunOptions {
  spec: ApiSpec;
  config: Config;
  client: HttpClient;
  registry?: CheckRegistry;
  selection?: Selection;
  allowDestructive?: boolean;
  /** Longest wait specgate accepts (Retry-After back-off, throttle recovery), in seconds. */
  maxWaitSeconds?: number;
  listener?: RunListener;
  signal?: AbortSignal;
}

/** One check on one operation (or, for API-wide and observing checks, on none). */
export interface Task {
  check: CheckDefinition;
  operation: Operation | undefined;
}

export type PhaseName = 'operations' | 'api' | 'isolated' | 'observe';

/** Tasks that run together: all at once, or one after another (isolated throttle probes). */
export interface Phase {
  name: PhaseName;
  tasks: Task[];
  sequential: boolean;
}

/** The checks and operations a run covers and its tasks in phase order; computed without traffic. */
export interface RunPlan {
  checks: CheckDefinition[];
  operations: Operation[];
  phases: Phase[];
}

/** A run ready to execute tasks through one shared session (transport, budget, identities, log). */
export interface PreparedRun extends RunPlan {
  /** Runs one task and returns its findings as report results (redacted, with evidence). */
  runTask(task: Task): Promise<Result[]>;
  /** A context outside any check, for project tests that send their own requests through the session. */
  context(): CheckContext;
  /** The report of the given results, with the requests sent so far. */
  report(results: Result[], durationMs: number): Report;
  /**
   * The results of a task the run stopped before it finished: errored with `message`, unless the check does
   * not apply to the operation at all (nothing) or would have been skipped anyway (that skip).
   */
  unfinished(task: Task, message: string): Result[];
}

/**
 * The phases of a run: per-operation checks all at once, then API-wide checks (first shard only), then
 * isolated checks one by one, then the checks that observe everyone's traffic.
 */
export function planRun(spec: ApiSpec, config: Config, registry: CheckRegistry, selection: Selection = {}): RunPlan {
  const checks = selectChecks(registry, spec, config, selection);
  const operations = selectOperations(spec, config, selection.shard);
  const perOperation = (filter: (c: CheckDefinition) => boolean): Task[] =>
    operations.flatMap((operation) => checks.filter(filter).map((check) => ({ check, operation })));
  const once = (scope: CheckDefinition['scope']): Task[] =>
    checks.filter((check) => check.scope === scope).map((check) => ({ check, operation: undefined }));
  const firstShard = (selection.shard?.index ?? 1) === 1;
  return {
    checks,
    operations,
    phases: [
      { name: 'operations', tasks: inWaves(perOperation((c) => c.scope === 'operation' && !c.isolated)).flat(), sequential: false },
      { name: 'api', tasks: firstShard ? once('api') : [], sequential: false },
      { name: 'isolated', tasks: perOperation((c) => c.scope === 'operation' && c.isolated === true), sequential: true },
      { name: 'observe', tasks: once('observe'), sequential: false },
    ],
  };
}

/** Plans a run and opens its session; nothing is sent until a task runs. */
export function prepareRun(options: RunOptions): PreparedRun {
  const { spec, config } = options;
  const client = alignServerPath(options.client, spec);
  const selection = options.selection ?? {};
  const plan = planRun(spec, config, options.registry ?? builtinRegistry(), selection);
  const redactor = createRunRedactor(spec, config);
  const identities: ReturnType<typeof createIdentities> = [];
  const session = new RunSession({
    spec,
    config,
    client,
    identities,
    budget: new RequestBudget(config.safety.maxRequests),
    limit: pLimit(config.concurrency),
    allowDestructive: options.allowDestructive ?? false,
    maxWaitSeconds: options.maxWaitSeconds ?? 65,
    signal: options.signal,
    secrets: redactor,
  });
  identities.push(...createIdentities(config, spec, createLoginFlow(spec, session, redactor)));
  const evidence = new WeakMap<Exchange, Evidence>();
  const reporting: Redactor = {
    ...redactor,
    evidence(exchange) {
      let redacted = evidence.get(exchange);
      if (!redacted) evidence.set(exchange, (redacted = redactor.evidence(exchange)));
      return redacted;
    },
  };

  return {
    ...plan,
    async runTask(task) {
      const findings = await runCheck(task, session);
      return findings.map((finding) => toResult(task.check, task.operation, finding, reporting));
    },
    context: () => session.context(undefined),
    unfinished(task, message) {
      let findings: Finding[] | undefined;
      try {
        findings = applicability(task, session);
      } catch {
        // appliesTo failed: the task errs, and the stop is the reason the report gives
      }
      return (findings ?? [errored(message)]).map((finding) => toResult(task.check, task.operation, finding, reporting));
    },
    report: (results, durationMs) => ({
      tool: 'specgate',
      version: VERSION,
      spec: { title: spec.title, version: spec.version, openapi: spec.openapi, operations: plan.operations.length },
      baseUrl: redactor.redactText(client.baseUrl),
      summary: summarise(results, session.requests, durationMs),
      results,
      ...(selection.shard ? { shard: selection.shard } : {}),
    }),
  };
}

async function runCheck(task: Task, session: RunSession): Promise<Finding[]> {
  try {
    return applicability(task, session) ?? (await task.check.run(session.context(task.operation)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [errored(`the check could not finish: ${message}`, isSpecgateError(error) && error.hint ? { hint: error.hint } : {})];
  }
}

// No findings when the check does not apply to the operation, its skip when it says so, undefined when it runs.
function applicability({ check, operation }: Task, session: RunSession): Finding[] | undefined {
  const verdict = operation && check.appliesTo ? check.appliesTo(operation, session.context(operation)) : undefined;
  if (verdict === false) return [];
  return verdict ? [verdict] : undefined;
}
