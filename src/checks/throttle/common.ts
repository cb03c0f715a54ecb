import type { Config } from '../../config/schema.js';
import { matchesPattern } from '../../run/select.js';
import type { ApiSpec, Operation } from '../../spec/model.js';
import type { ThrottleTarget } from '../../throttle/model.js';
import { callerFor, probingIdentity } from '../../throttle/probe/caller.js';
import { probeThrottle } from '../../throttle/probe/probe.js';
import type { Burst, Probe } from '../../throttle/probe/types.js';
import { throttlesDeclared, throttleTargets } from '../../throttle/targets.js';
import type { CheckContext, CheckDefinition } from '../check.js';
import { errored, skip, type Finding } from '../result.js';

/** What every throttle check shares: the family, isolation, opt-in and which operation stands for each throttle. */
export const throttleCheck = {
  family: 'throttle',
  scope: 'operation',
  isolated: true,
  optIn: (spec: ApiSpec, config: Config) => throttlesDeclared(spec, config),
  appliesTo(operation: Operation, ctx: CheckContext): Finding | false | undefined {
    const target = targetProbedOn(operation, ctx);
    if (!target) return false;
    if (ctx.mayCall(operation)) return undefined;
    return skip(
      `${operation.method.toUpperCase()} is not a safe method, and the probe sends up to ${target.limit === undefined ? 'twice the limit' : 2 * target.limit + 5} requests; a login that only issues tokens is safe to list`,
      `--allow-destructive (or safety.safeOperations: ["${operation.key}"])`,
    );
  },
} satisfies Partial<CheckDefinition>;

/** Representatives per run (a run's identities array is its own), so appliesTo stays cheap on large specs. */
const representatives = new WeakMap<CheckContext['identities'], Map<ThrottleTarget, Operation | undefined>>();

/**
 * The throttle an operation stands for: each throttle is probed once, on the first of its operations that
 * is in scope, may be called and can be sampled (else on its first operation in scope, which then skips).
 */
function targetProbedOn(operation: Operation, ctx: CheckContext): ThrottleTarget | undefined {
  let chosen = representatives.get(ctx.identities);
  if (!chosen) representatives.set(ctx.identities, (chosen = new Map()));
  for (const target of throttleTargets(ctx.spec, ctx.config).targets) {
    if (!chosen.has(target)) chosen.set(target, representative(target, ctx));
    if (chosen.get(target) === operation) return target;
  }
  return undefined;
}

function representative(target: ThrottleTarget, ctx: CheckContext): Operation | undefined {
  const inScope = target.operations.filter((op) => !ctx.config.exclude.some((pattern) => matchesPattern(op.key, pattern)));
  const usable = (op: Operation) => {
    if (!ctx.mayCall(op)) return false;
    const who = probingIdentity(ctx, target, op);
    return 'identity' in who && 'request' in callerFor(ctx, op, who.identity);
  };
  return inScope.find(usable) ?? inScope[0];
}

/**
 * Runs a judgement on the throttle's shared burst; a probe that could not run gives every check the same
 * skip or error. The first result of a throttle carries the requests its probe sent before the checks' own.
 */
export function onBurst(judge: (burst: Burst, probe: Probe, ctx: CheckContext) => Finding[] | Promise<Finding[]>) {
  return async (ctx: CheckContext): Promise<Finding[]> => {
    const operation = ctx.operation!;
    const target = targetProbedOn(operation, ctx)!;
    const probe = await probeThrottle(ctx, target, operation);
    const { outcome } = probe;
    const findings =
      'skip' in outcome
        ? [skip(outcome.skip, outcome.enableWith)]
        : 'error' in outcome
          ? [errored(outcome.error, outcome.exchange ? { exchange: outcome.exchange } : {})]
          : await judge(outcome.burst, probe, ctx);
    if (probe.unreported > 0 && findings[0]) {
      findings[0] = { ...findings[0], requests: (findings[0].requests ?? 0) + probe.unreported };
      probe.unreported = 0;
    }
    return findings;
  };
}
