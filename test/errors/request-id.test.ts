import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { requestIdHeader, withRequestId } from '../../src/config/request-id.js';
import { loadSpec } from '../../src/spec/load.js';
import { failedChecks, resultsOf, runAgainst } from '../helpers/contract.js';
import { ordersExpress } from '../fixtures/errors/orders-express.js';
import { ordersFastify } from '../fixtures/errors/orders-fastify.js';

const envelopeSpec = 'test/fixtures/errors/orders-envelope.openapi.json';
const problemSpec = 'test/fixtures/errors/orders-problem.openapi.json';
const fixtures = { default: { id: 1 } };
const errorsSuite = { suites: ['errors'] };

describe('the request id header', () => {
  it('comes from the config, else a header the document declares, else X-Request-Id; false turns it off', async () => {
    const documented = await loadSpec(envelopeSpec);
    const plain = await loadSpec(problemSpec);
    expect(requestIdHeader(documented, parseConfig({}, 't'))).toEqual({ name: 'X-Request-Id', source: 'documented' });
    expect(requestIdHeader(plain, parseConfig({}, 't'))).toEqual({ name: 'X-Request-Id', source: 'default' });
    expect(requestIdHeader(plain, parseConfig({ requestIdHeader: 'X-Correlation-Id' }, 't'))).toEqual({ name: 'X-Correlation-Id', source: 'configured' });
    expect(requestIdHeader(plain, parseConfig({ requestIdHeader: false }, 't'))).toBeUndefined();
    expect(() => parseConfig({ requestIdHeader: 'X Request Id' }, 't')).toThrow(/requestIdHeader: expected an HTTP header name/);
  });

  it('is stamped with a fresh UUID on requests that do not carry one already', () => {
    const header = { name: 'X-Request-Id', source: 'default' } as const;
    const stamped = withRequestId({ method: 'GET', path: '/', headers: {} }, header);
    expect(stamped.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(withRequestId({ method: 'GET', path: '/', headers: { 'X-Request-Id': 'mine' } }, header).headers).toEqual({ 'X-Request-Id': 'mine' });
    expect(withRequestId({ method: 'GET', path: '/', headers: {} }, undefined).headers).toEqual({});
  });

  it('warns, without failing the gate, when the API replaces the id the client sent', async () => {
    const report = await runAgainst({ spec: envelopeSpec, app: ordersExpress('request-id-not-echoed'), config: { fixtures }, selection: errorsSuite, allowDestructive: true });
    expect(failedChecks(report)).toEqual(['errors.request-id']);
    const failures = resultsOf(report, 'errors.request-id').filter((r) => r.outcome === 'fail');
    expect(failures.every((r) => r.severity === 'warning')).toBe(true);
    expect(failures[0]!.message).toMatch(/X-Request-Id is "[0-9a-f-]{36}", not the id the client sent \("[0-9a-f-]{36}"\)/);
  });

  it('gives one API-wide warning when the API sends no request id and nothing names one', async () => {
    const report = await runAgainst({ spec: problemSpec, app: ordersFastify('no-request-id'), config: { fixtures }, selection: errorsSuite, allowDestructive: true });
    expect(failedChecks(report)).toEqual(['errors.request-id']);
    const [only, ...rest] = resultsOf(report, 'errors.request-id');
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ operation: '*', outcome: 'fail', severity: 'warning' });
    expect(only!.message).toMatch(/^none of the \d+ responses carried X-Request-Id \(the default header\)/);
  });

  it('makes that an error when the config names the header', async () => {
    const report = await runAgainst({
      spec: problemSpec,
      app: ordersFastify('no-request-id'),
      config: { fixtures, requestIdHeader: 'X-Request-Id' },
      selection: errorsSuite,
      allowDestructive: true,
    });
    expect(resultsOf(report, 'errors.request-id')).toMatchObject([{ operation: '*', outcome: 'fail', severity: 'error' }]);
  });

  it('is neither sent nor checked with requestIdHeader: false', async () => {
    const app = ordersFastify('no-request-id');
    const received: string[][] = [];
    app.addHook('onRequest', async (request) => void received.push(Object.keys(request.headers)));
    const report = await runAgainst({ spec: problemSpec, app, config: { fixtures, requestIdHeader: false }, selection: errorsSuite, allowDestructive: true });
    expect(failedChecks(report)).toEqual([]);
    expect(resultsOf(report, 'errors.request-id')).toMatchObject([{ outcome: 'skip', enableWith: 'requestIdHeader' }]);
    expect(received.length).toBe(report.summary.requests);
    expect(received.some((headers) => headers.includes('x-request-id'))).toBe(false);
  });
});
