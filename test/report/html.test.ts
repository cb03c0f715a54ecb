import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/checks/result.js';
import { renderHtml } from '../../src/report/html.js';
import { reportOf, resolvesFailure } from './report.js';

const hostile: Result = {
  check: 'errors.no-stack-trace',
  operation: 'GET /items',
  outcome: 'fail',
  severity: 'critical',
  message: 'the body leaks <script>alert("x")</script>',
  evidence: {
    request: { method: 'GET', url: 'http://127.0.0.1:4000/api/items?q=<img src=x onerror=alert(1)>', headers: {} },
    response: { status: 500, headers: { 'content-type': 'text/html' }, body: '<html><script src="https://evil.example/x.js"></script></html>' },
  },
};

describe('HTML report', () => {
  const html = renderHtml(reportOf([resolvesFailure, hostile, { check: 'paths.resolves', operation: 'GET /items', outcome: 'pass', severity: 'error', message: 'answered 200' }]));

  test('is one page that fetches nothing: inline style and script, and a policy that forbids the rest', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|<script [^>]*src=/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  test('escapes everything that came from the API', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('the body leaks &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;html&gt;&lt;script src=&quot;https://evil.example/x.js&quot;&gt;&lt;/script&gt;&lt;/html&gt;');
  });

  test('shows the counts, one row per operation and one column per check', () => {
    expect(html).toContain('<span data-count="passed">1</span> passed');
    expect(html).toContain('<span data-count="failed">2</span> failed');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2);
    expect(html).toContain('<th colspan="1" data-family="paths">paths</th><th colspan="1" data-family="errors">errors</th>');
  });
});
