import { defineSuite, fail, jsonBody, pass, skip, type CheckDefinition, type Operation } from 'specgate';

/** Query parameters that set a page size, as APIs commonly name them. */
const PAGE_SIZE = ['limit', 'page_size', 'per_page', 'pageSize', 'perPage'];

/** A list endpoint: a GET whose 200 body is an array, or an object with an `items` array. */
function isList(operation: Operation): boolean {
  if (operation.method !== 'get') return false;
  const schema = operation.responses.find((r) => r.status === '200')?.content[0]?.schema;
  const items = (schema?.properties as Record<string, { type?: unknown }> | undefined)?.items;
  return schema?.type === 'array' || items?.type === 'array';
}

function itemsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  const items = (body as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items : undefined;
}

const listPaginates: CheckDefinition = {
  id: 'pagination.list-paginates',
  family: 'pagination',
  title: 'Every list endpoint paginates',
  severity: 'error',
  scope: 'operation',
  explain: {
    asserts: 'A GET that returns a list documents a page-size query parameter (limit, page_size, per_page) and, asked for one item, returns at most one.',
    why: 'An unbounded list grows with the data until it times out or exhausts memory, on the server and in every client.',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
    fix: 'Add a `limit` query parameter with a documented maximum and a cursor to the next page, and apply it in the query.',
  },
  appliesTo: (operation) => (isList(operation) ? undefined : false),
  async run(ctx) {
    const operation = ctx.operation!;
    const size = operation.parameters.find((p) => p.in === 'query' && PAGE_SIZE.includes(p.name));
    if (!size) return [fail(`${operation.key} returns a list but documents no page-size parameter (${PAGE_SIZE.join(', ')})`, 'add a `limit` query parameter with a maximum, and a cursor to the next page')];
    const primary = await ctx.primary(operation);
    if ('skip' in primary) return [skip(`not sent: ${primary.skip}`, primary.enableWith)];
    const sampled = ctx.sample(operation, { tenant: primary.identity?.tenant });
    if ('missing' in sampled) return [skip(`no value for ${sampled.missing.join(', ')}`, `fixtures.default.${sampled.missing[0]}`)];
    const url = new URL(sampled.request.path, 'http://placeholder');
    url.searchParams.set(size.name, '1');
    const exchange = await ctx.send({ ...sampled.request, path: `${url.pathname}${url.search}` }, { identity: primary.identity });
    const items = itemsOf(jsonBody(exchange.response));
    if (exchange.response?.status !== 200 || !items) {
      return [fail(`${size.name}=1 answered ${exchange.response?.status ?? exchange.error} without a list`, `accept ${size.name} as documented`, { exchange })];
    }
    if (items.length > 1) return [fail(`${size.name}=1 returned ${items.length} items`, `apply ${size.name} to the query that reads the list`, { exchange })];
    return [pass(`${size.name}=1 returned ${items.length} item`, { exchange })];
  },
};

export default defineSuite({ name: 'pagination', checks: [listPaginates] });
