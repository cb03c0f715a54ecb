import pLimit from 'p-limit';
import { createIdentities } from '../auth/identities.js';
import type { CheckRegistry } from '../checks/registry.js';
import type { Config } from '../config/schema.js';
import { SpecgateError } from '../errors.js';
import type { HttpClient } from '../http/exchange.js';
import type { ApiSpec, Operation } from '../spec/model.js';
import { RequestBudget } from './budget.js';
import { selectChecks, selectOperations, type Selection } from './select.js';
import { RunSession } from './session.js';

export interface PlannedCheck {
  id: string;
  /** Why the check will not run on this operation, when it will not. */
  skip?: string;
}

export interface PlannedOperation {
  operation: Operation;
  checks: PlannedCheck[];
}

const noTraffic: HttpClient = {
  baseUrl: 'dry-run',
  send: () => Promise.reject(new SpecgateError('SPECGATE_USAGE', 'a dry run sends no requests')),
  close: () => Promise.resolve(),
};

/** The operations in scope and the checks planned for each, without sending anything. */
export function planContract(spec: ApiSpec, config: Config, registry: CheckRegistry, selection: Selection = {}, allowDestructive = false): { plan: PlannedOperation[]; apiChecks: string[] } {
  const checks = selectChecks(registry, spec, config, selection);
  const session = new RunSession({
    spec,
    config,
    client: noTraffic,
    identities: [],
    budget: new RequestBudget(0),
    limit: pLimit(1),
    allowDestructive,
    maxWaitSeconds: 0,
  });
  const identities = createIdentities(config, spec, () => Promise.reject(new Error('no login in a dry run')));
  const plan = selectOperations(spec, config, selection.shard).map((operation) => {
    const ctx = { ...session.context(operation), identities };
    const planned = checks
      .filter((check) => check.scope === 'operation')
      .flatMap((check): PlannedCheck[] => {
        const verdict = check.appliesTo?.(operation, ctx);
        if (verdict === false) return [];
        return verdict ? [{ id: check.id, skip: verdict.message }] : [{ id: check.id }];
      });
    return { operation, checks: planned };
  });
  return { plan, apiChecks: checks.filter((c) => c.scope !== 'operation').map((c) => c.id) };
}
