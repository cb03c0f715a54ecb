import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from '../http/client.js';
import type { HttpClient } from '../http/exchange.js';
import { markAccepted } from '../report/baseline.js';
import { planContract } from '../run/plan.js';
import { planRun, prepareRun, type PreparedRun, type Task } from '../run/prepare.js';
import type { Selection } from '../run/select.js';
import { resolveContract, type ContractOptions } from './options.js';
import { settle } from './settle.js';

/**
 * Declares one vitest test per operation × check (and one per API-wide check), run by the same engine as
 * `specgate run`: one session, one request budget, primary exchanges shared between checks. Checks on
 * operations run concurrently (vitest's `maxConcurrency` caps the tests, the config's `concurrency` the
 * requests); isolated checks (throttles) then run one at a time, and checks that observe all traffic last.
 * A failing finding fails its test with the message, hint and evidence; a check that cannot run is skipped
 * with the reason. The project's own checks (config `suites`) are tests too.
 *
 * @example
 * // contract.test.ts
 * import { describeContract } from 'specgate/vitest';
 * import { createApp } from './src/app.js';
 *
 * describeContract({ config: './specgate.config.ts', target: createApp() });
 */
export function describeContract(options: ContractOptions = {}): void {
  const families = options.suites?.join(', ');
  describe(families ? `specgate: ${families}` : 'specgate', async () => {
    const setup = await resolveContract(options);
    const selection: Selection = { suites: options.suites, checks: options.checks };
    const { plan } = planContract(setup.spec, setup.config, setup.registry, selection, options.allowDestructive);
    const planned = new Set(plan.flatMap(({ operation, checks }) => checks.map((check) => `${operation.key} ${check.id}`)));
    const [operations, api, isolated, observe] = planRun(setup.spec, setup.config, setup.registry, selection).phases.map((phase) =>
      phase.tasks.filter((task) => !task.operation || planned.has(`${task.operation.key} ${task.check.id}`)),
    ) as [Task[], Task[], Task[], Task[]];

    let client: HttpClient | undefined;
    let run: PreparedRun;
    beforeAll(async () => {
      client = await createClient(setup.target, { timeoutMs: setup.config.timeout, connections: setup.config.concurrency });
      const { spec, config, registry } = setup;
      run = prepareRun({ spec, config, registry, client, selection, allowDestructive: options.allowDestructive ?? false, maxWaitSeconds: options.maxWaitSeconds ?? 65 });
    });
    afterAll(() => client?.close());

    const failOn = options.failOn ?? 'error';
    const timeout = setup.config.timeout * 6 + (options.maxWaitSeconds ?? 65) * 1000;
    const declare = (title: string, task: Task) =>
      test(title, async (context) => settle(markAccepted(await run.runTask(task), setup.baseline), context, failOn), timeout);

    for (const operation of new Set(operations.map((task) => task.operation!))) {
      describe(operation.key, { concurrent: true }, () => {
        for (const task of operations.filter((t) => t.operation === operation)) declare(task.check.id, task);
      });
    }
    if (api.length > 0) describe('API-wide', { concurrent: true }, () => api.forEach((task) => declare(task.check.id, task)));
    if (isolated.length > 0) describe('isolated, one at a time', () => isolated.forEach((task) => declare(`${task.operation!.key} ${task.check.id}`, task)));
    if (observe.length > 0) describe('all traffic', () => observe.forEach((task) => declare(task.check.id, task)));
    if ([operations, api, isolated, observe].every((tasks) => tasks.length === 0)) {
      test.skip(`no check${families ? ` of ${families}` : ''} applies to ${setup.spec.title}`);
    }
  });
}
