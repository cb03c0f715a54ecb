import { defineSuite, fail, pass, skip, type CheckDefinition } from 'specgate';

const HEADER = 'x-request-duration-ms';

const requestDuration: CheckDefinition = {
  id: 'observability.request-duration',
  family: 'observability',
  title: 'Every response carries X-Request-Duration-Ms',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: "The operation's response carries X-Request-Duration-Ms: the time the server spent on it, in milliseconds.",
    why: 'Our dashboards and client-side retry budgets read server time from this header; a response without it is invisible to them.',
    references: ['Bookshelf engineering handbook, "Observability"'],
    fix: 'Set the header in the first middleware, so error responses carry it too.',
  },
  async run(ctx) {
    const primary = await ctx.primary(ctx.operation!);
    if ('skip' in primary) return [skip(`not sent: ${primary.skip}`, primary.enableWith)];
    const { exchange } = primary;
    const value = exchange.response?.headers[HEADER];
    if (value === undefined) return [fail(`the ${exchange.response?.status ?? 'missing'} response has no X-Request-Duration-Ms header`, 'add the timing middleware before the router', { exchange })];
    if (!/^\d+(\.\d+)?$/.test(value)) return [fail(`X-Request-Duration-Ms is "${value}", not milliseconds`, 'send the duration as a number of milliseconds, e.g. 12.5', { exchange })];
    return [pass(`answered in ${value} ms`, { exchange })];
  },
};

export default defineSuite({ name: 'request duration', checks: [requestDuration] });
