import { describe, expect, it } from 'vitest';
import type { RecordedResponse } from '../../src/http/exchange.js';
import { findBodyLeak } from '../../src/leaks/body-leak.js';
import { findDebugPage } from '../../src/leaks/debug-page.js';
import { disclosingHeaders } from '../../src/leaks/disclosing-headers.js';
import { EXPRESS_DEV_PAGE, PAGES } from '../fixtures/errors/pages.js';
import { TRACES } from '../fixtures/errors/traces.js';

const response = (status: number, body: string, type = 'application/json'): RecordedResponse => ({
  status,
  headers: { 'content-type': type },
  body,
  truncated: false,
});

describe('findDebugPage', () => {
  it.each(PAGES)('recognises %s', (name, html) => {
    expect(findDebugPage(html)?.name).toBe(name);
  });

  it('ignores an ordinary HTML page', () => {
    expect(findDebugPage('<!DOCTYPE html><html><head><title>Orders</title></head><body><pre>GET /api/orders</pre></body></html>')).toBeUndefined();
  });

  it('marks the Werkzeug debugger as critical: its console runs code', () => {
    expect(PAGES.map(([, html]) => findDebugPage(html)!).filter((page) => page.critical).map((page) => page.name)).toEqual(['the Werkzeug debugger (it can run code)']);
  });
});

describe('findBodyLeak', () => {
  it('finds a trace inside a JSON string, as error handlers put it', () => {
    const leak = findBodyLeak(response(500, JSON.stringify({ error: { code: 'internal_server_error', message: 'boom', details: { stack: TRACES['Node.js'] } } })));
    expect(leak).toMatchObject({ kind: 'stack-trace', what: 'a Node.js stack trace (4 frames)' });
  });

  it('finds a trace given as an array of frames', () => {
    const frames = ['at getOrder (/app/src/orders.js:42:27)', 'at next (/app/node_modules/express/lib/router/route.js:149:13)'];
    expect(findBodyLeak(response(500, JSON.stringify({ detail: 'boom', trace: frames })))?.kind).toBe('stack-trace');
  });

  it('finds a .NET trace in a development problem details body', () => {
    const body = { type: 'about:blank', title: 'Internal Server Error', status: 500, exception: { details: TRACES['.NET'] } };
    expect(findBodyLeak(response(500, JSON.stringify(body), 'application/problem+json'))?.what).toBe('a .NET stack trace (3 frames)');
  });

  it('names the trace on a debug page', () => {
    const leak = findBodyLeak(response(400, EXPRESS_DEV_PAGE, 'text/html'));
    expect(leak).toMatchObject({ kind: 'debug-page', what: "Express's default error page with a Node.js stack trace (2 frames)" });
    expect(leak!.excerpt).toContain('SyntaxError: Unexpected end of JSON input');
  });

  it('finds a Python traceback in a plain-text 500', () => {
    expect(findBodyLeak(response(500, `Internal Server Error\n\n${TRACES.Python}`, 'text/plain'))?.what).toBe('a Python stack trace (2 frames)');
  });

  it.each([
    ['a deployment path in an error message', '{"error":{"message":"ENOENT: no such file or directory, open \'/srv/orders/data/orders.json\'"}}', '/srv/orders/data/orders.json'],
    ['a Windows path', '{"detail":"Could not load C:\\\\inetpub\\\\wwwroot\\\\Orders\\\\Web.config"}', 'C:\\inetpub\\wwwroot\\Orders\\Web.config'],
    ['an installed package', '{"detail":"Cannot find module \'pg\' required by /opt/orders/node_modules/knex/lib/dialects/index.js"}', '/opt/orders/node_modules/knex/lib/dialects/index.js'],
  ])('finds %s in an error response', (_name, body, path) => {
    expect(findBodyLeak(response(500, body))).toMatchObject({ kind: 'internal-path', excerpt: path });
  });

  it.each([
    ['a file path returned as data', response(200, '{"name":"report","path":"/home/alice/reports/q3.pdf"}')],
    ['one frame quoted in data', response(200, JSON.stringify({ ticket: 'crash\n    at getOrder (/usr/src/app/src/routes/orders.js:42:27)' }))],
    ['an instance URI in a problem', response(404, '{"type":"about:blank","title":"Not Found","status":404,"instance":"/api/orders/42"}', 'application/problem+json')],
    ['a URL to a script', response(400, '{"detail":"see https://cdn.example.com/app/docs/errors.html#E42"}')],
    ['an API path with an extension', response(404, '{"detail":"no route for /api/v1/orders.json"}')],
    ['an empty body', response(500, '')],
  ])('does not flag %s', (_name, given) => {
    expect(findBodyLeak(given)).toBeUndefined();
  });
});

describe('disclosingHeaders', () => {
  it('lists X-Powered-By, ASP.NET versions and a Server header with a version', () => {
    expect(disclosingHeaders({ 'x-powered-by': 'Express', server: 'nginx/1.25.3', 'x-aspnet-version': '4.0.30319' })).toEqual([
      'X-Powered-By: Express',
      'X-AspNet-Version: 4.0.30319',
      'Server: nginx/1.25.3',
    ]);
    expect(disclosingHeaders({ server: 'Werkzeug/3.0.1 Python/3.12.1' })).toEqual(['Server: Werkzeug/3.0.1 Python/3.12.1']);
  });

  it('accepts a Server header without a version', () => {
    expect(disclosingHeaders({ server: 'nginx' })).toEqual([]);
    expect(disclosingHeaders({ server: 'uvicorn' })).toEqual([]);
    expect(disclosingHeaders({ server: 'Kestrel' })).toEqual([]);
  });
});

describe('findBodyLeak on large bodies', () => {
  it('stays fast on 64 KiB of path-like text', () => {
    const started = performance.now();
    findBodyLeak(response(500, JSON.stringify({ detail: ` /home/${'a.'.repeat(30_000)}` })));
    findBodyLeak(response(500, '/x'.repeat(32_000), 'text/plain'));
    findBodyLeak(response(500, ' /app/a'.repeat(9_000), 'text/plain'));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
