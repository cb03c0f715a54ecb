import type { Identity } from '../auth/identity.js';
import type { Config } from '../config/schema.js';
import { SpecgateError, UsageError } from '../errors.js';
import { createClient } from '../http/client.js';
import type { Exchange, OutgoingRequest } from '../http/exchange.js';
import { prepareRun } from '../run/prepare.js';
import { isSafeMethod } from '../run/safety.js';
import type { ApiSpec, Operation } from '../spec/model.js';
import { resolveContract, type ContractOptions } from './options.js';
import { remember } from './provenance.js';

/** Sends requests as one identity (or anonymously) through the contract's session. */
export interface ContractClient {
  readonly identity: Identity | undefined;
  /**
   * Sends a valid request for the operation (by object or `METHOD /path` key; fixtures of this identity's
   * tenant), or the request given. Unsafe methods need `allowDestructive`.
   */
  send(target: Operation | string | OutgoingRequest): Promise<Exchange>;
}

/** The loaded contract for a project's own vitest tests. */
export interface Contract {
  readonly spec: ApiSpec;
  readonly config: Config;
  /** The operations in scope (config `exclude` applied), by key. */
  readonly operations: readonly Operation[];
  readonly identities: readonly Identity[];
  /** The operation with this key (`GET /items/{id}`); throws with the known keys when there is none. */
  operation(key: string): Operation;
  /** A valid request for the operation, the tenant's fixtures filled in (the sampler the checks use). */
  sample(operation: Operation | string, options?: { tenant?: string }): OutgoingRequest;
  /** A client that sends as the named identity, or anonymously without a name. */
  client(identity?: string): ContractClient;
  /** Closes the transport (and the in-process listener it opened). */
  close(): Promise<void>;
}

/**
 * Loads the config, spec and identities the way `specgate run` does and opens a session for hand-written
 * tests: requests go through specgate's transport, request budget, credentials, redaction and 429 back-off,
 * and the exchanges they return work with `toMatchOperation` and `toHaveErrorEnvelope`.
 *
 * @example
 * import { afterAll, beforeAll, expect, test } from 'vitest';
 * import { openContract, type Contract } from 'specgate/vitest';
 *
 * let api: Contract;
 * beforeAll(async () => (api = await openContract({ config: './specgate.config.ts' })));
 * afterAll(() => api.close());
 *
 * test('an admin reads a model', async () => {
 *   const response = await api.client('acme-admin').send('GET /models/{model_id}');
 *   expect(response).toMatchOperation(api.operation('GET /models/{model_id}'));
 * });
 */
export async function openContract(options: ContractOptions = {}): Promise<Contract> {
  const setup = await resolveContract(options);
  const { spec, config } = setup;
  const transport = await createClient(setup.target, { timeoutMs: config.timeout, connections: config.concurrency });
  const allowDestructive = options.allowDestructive ?? false;
  const run = prepareRun({ spec, config, client: transport, registry: setup.registry, allowDestructive, maxWaitSeconds: options.maxWaitSeconds ?? 65 });
  const context = run.context();

  const operation = (key: string): Operation => {
    const found = spec.operations.find((op) => op.key === key);
    if (found) return found;
    throw new UsageError('SPECGATE_USAGE', `${spec.title} has no operation "${key}"`, { hint: `operations: ${spec.operations.map((op) => op.key).join(', ')}` });
  };
  const resolve = (target: Operation | string): Operation => (typeof target === 'string' ? operation(target) : target);
  const sample = (target: Operation | string, options: { tenant?: string | undefined } = {}): OutgoingRequest => {
    const op = resolve(target);
    const sampled = context.sample(op, options);
    if ('request' in sampled) return sampled.request;
    throw new UsageError('SPECGATE_CONFIG_INVALID', `no value for ${sampled.missing.join(', ')} to call ${op.key}`, { hint: `add it under fixtures.${options.tenant ?? 'default'} in the config` });
  };
  const unsafe = (what: string) =>
    new SpecgateError('SPECGATE_USAGE', `${what} is not a safe method and destructive requests are off`, {
      hint: 'pass allowDestructive: true to openContract, or list the operation in safety.safeOperations',
    });
  const client = (name?: string): ContractClient => {
    const identity = name === undefined ? undefined : context.identities.find((i) => i.name === name);
    if (name !== undefined && !identity) {
      throw new UsageError('SPECGATE_USAGE', `no identity "${name}" in the config`, { hint: `identities: ${context.identities.map((i) => i.name).join(', ') || 'none'}` });
    }
    const deliver = async (request: OutgoingRequest) => remember(await context.send(request, { identity }), { spec, config });
    return {
      identity,
      async send(target) {
        if (isRequest(target)) {
          if (!isSafeMethod(target.method) && !allowDestructive && config.safety.methods !== 'all') throw unsafe(target.method);
          return deliver(target);
        }
        const op = resolve(target);
        if (!context.mayCall(op)) throw unsafe(op.key);
        return deliver(sample(op, { tenant: identity?.tenant }));
      },
    };
  };
  return { spec, config, operations: run.operations, identities: context.identities, operation, sample, client, close: () => transport.close() };
}

function isRequest(target: Operation | string | OutgoingRequest): target is OutgoingRequest {
  return typeof target === 'object' && 'headers' in target;
}
