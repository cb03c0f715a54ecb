import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/http/exchange.js';
import { createRedactor } from '../../src/http/redact.js';
import { createUndiciClient } from '../../src/http/undici.js';
import { fixtureHandler, listen } from './servers.js';

describe('createRedactor headers', () => {
  const redactor = createRedactor({ headerNames: ['X-Tenant-Key'] });

  it('keeps the scheme of authorization headers and masks the rest', () => {
    expect(
      redactor.headers({
        Authorization: 'Bearer eyJhbGciOi.x.y',
        'proxy-authorization': 'Basic dXNlcjpwYXNz',
        authorization: 'Custom abc',
        'x-api-key': 'k-123',
        'X-Auth-Token': 'Token t-1',
        'api-key': 'word secret',
        Cookie: 'sid=abc; theme=dark',
        'set-cookie': 'sid=abc; HttpOnly\nb=2',
        'x-tenant-key': 'tk',
        'content-type': 'application/json',
      }),
    ).toEqual({
      Authorization: 'Bearer ***',
      'proxy-authorization': 'Basic ***',
      authorization: 'Custom ***',
      'x-api-key': '***',
      'X-Auth-Token': 'Token ***',
      'api-key': '***',
      Cookie: '***',
      'set-cookie': '***',
      'x-tenant-key': '***',
      'content-type': 'application/json',
    });
  });

  it('leaves an empty credential empty and masks a bare scheme word', () => {
    expect(redactor.headers({ authorization: '', 'x-api-key': 'Bearer' })).toEqual({ authorization: '', 'x-api-key': '***' });
  });
});

describe('createRedactor URLs', () => {
  const redactor = createRedactor({ queryNames: ['key', 'X-Api-Key'] });

  it('masks credential query parameters, configured and standard', () => {
    expect(redactor.url('http://h/p?key=abc&limit=10&x-api-key=1&access_token=t&q=key')).toBe(
      'http://h/p?key=***&limit=10&x-api-key=***&access_token=***&q=key',
    );
  });

  it('masks fragments and user info', () => {
    expect(redactor.url('http://user:pw@h/cb?KEY=1#access_token=t&state=s')).toBe('http://user:***@h/cb?KEY=***#access_token=***&state=s');
  });

  it('masks credential parameters of URLs inside headers, bodies and messages', () => {
    expect(redactor.headers({ location: '/cb#access_token=t&x=1' })).toEqual({ location: '/cb#access_token=***&x=1' });
    expect(redactor.body('{"next":"/items?page=2&key=abc"}')).toBe('{"next":"/items?page=2&key=***"}');
    expect(redactor.body(JSON.stringify({ url: '/x?key=a"b' }))).toBe('{"url":"/x?key=***\\"b"}');
    expect(redactor.redactText('GET /x?key=abc answered 200')).toBe('GET /x?key=*** answered 200');
  });

  it('leaves other URLs alone', () => {
    expect(redactor.url('http://h/p/key?flag&keyboard=1')).toBe('http://h/p/key?flag&keyboard=1');
  });
});

describe('createRedactor bodies', () => {
  const redactor = createRedactor({ bodyFields: ['pin'] });

  it('masks credential fields at any depth, whatever their value', () => {
    const body = JSON.stringify({
      access: 'a',
      user: { name: 'n', Password: 'p', sessions: [{ refresh_token: 'r', id: 1 }] },
      secret: { nested: true },
      pin: 1234,
    });
    expect(JSON.parse(redactor.body(body))).toEqual({
      access: '***',
      user: { name: 'n', Password: '***', sessions: [{ refresh_token: '***', id: 1 }] },
      secret: '***',
      pin: '***',
    });
  });

  it('keeps JSON without credentials exactly as it was', () => {
    const body = '{\n  "id": 12345678901234567890\n}';
    expect(redactor.body(body)).toBe(body);
  });

  it('masks a subtree nested deeper than the bound', () => {
    const deep = '{"a":'.repeat(100) + '{"token":"t"}' + '}'.repeat(100);
    const masked = redactor.body(deep);
    expect(masked).not.toContain('"t"');
    expect(masked.startsWith('{"a":{"a":')).toBe(true);
  });

  it('masks fields in JSON the transport cut off', () => {
    expect(redactor.body('{"user":"u","access_token": "abc\\"def","expires_in":3,"password":"hal')).toBe(
      '{"user":"u","access_token":"***","expires_in":3,"password":"***"',
    );
    expect(redactor.body('<pre>{"pin": 1234}</pre>')).toBe('<pre>{"pin":"***"}</pre>');
  });

  it('masks form fields', () => {
    expect(redactor.body('grant_type=password&username=u&password=p&client_secret=s', 'application/x-www-form-urlencoded')).toBe(
      'grant_type=password&username=u&password=***&client_secret=***',
    );
  });

  it('caps bodies at 2 KiB, after masking, without splitting a character', () => {
    const capped = redactor.body('é'.repeat(2000));
    expect(capped.endsWith('…(truncated)')).toBe(true);
    expect(capped).toBe('é'.repeat(1024) + '…(truncated)');
    expect(redactor.body('short', 'text/plain', true)).toBe('short…(truncated)');
    const late = JSON.stringify({ filler: 'x'.repeat(3000), token: 'late-secret' });
    expect(redactor.body(late)).not.toContain('late-secret');
  });
});

describe('createRedactor literal secrets', () => {
  it('replaces every configured and learned secret in any text, longest first', () => {
    const redactor = createRedactor({ secrets: ['s3cr3t', '', 's3cr3t-longer'] });
    redactor.addSecret('tok/en+1');
    expect(redactor.redactText('a s3cr3t-longer b s3cr3t c tok/en+1 d tok%2Fen%2B1')).toBe('a *** b *** c *** d ***');
    expect(redactor.body('{"note":"has \\"q\\" s3cr3t"}')).toBe('{"note":"has \\"q\\" ***"}');
  });

  it('finds a secret containing quotes in its JSON-escaped form', () => {
    const redactor = createRedactor({ secrets: ['pa"ss'] });
    expect(redactor.body(JSON.stringify({ note: 'pa"ss' }))).toBe('{"note":"***"}');
  });
});

describe('createRedactor evidence', () => {
  it('redacts a real exchange end to end', async () => {
    const running = await listen(fixtureHandler());
    const client = createUndiciClient({ baseUrl: running.origin, timeoutMs: 1000 });
    try {
      const redactor = createRedactor({ queryNames: ['api_key'], secrets: ['tenant-secret', 'pass-word-1'] });
      const exchange = await client.send({
        method: 'POST',
        path: '/echo?api_key=k1&note=tenant-secret',
        headers: { Authorization: 'Bearer live-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'u', password: 'pass-word-1' }),
      });
      redactor.addSecret('live-token');
      const evidence = redactor.evidence(exchange);
      expect(evidence.request).toEqual({
        method: 'POST',
        url: `${running.origin}/echo?api_key=***&note=***`,
        headers: { Authorization: 'Bearer ***', 'Content-Type': 'application/json' },
        body: '{"username":"u","password":"***"}',
      });
      expect(evidence.response?.status).toBe(200);
      const text = JSON.stringify(evidence);
      for (const secret of ['live-token', 'k1', 'tenant-secret', 'pass-word-1']) expect(text).not.toContain(secret);
    } finally {
      await client.close();
      await running.close();
    }
  });

  it('redacts errors and binary request bodies', () => {
    const redactor = createRedactor({ secrets: ['hunter22'] });
    const exchange: Exchange = {
      request: { method: 'PUT', path: '/x', url: 'http://127.0.0.1:1/x', headers: {}, body: new TextEncoder().encode('pw=hunter22') },
      error: 'request failed: hunter22 rejected',
      durationMs: 1,
    };
    expect(redactor.evidence(exchange)).toEqual({
      request: { method: 'PUT', url: 'http://127.0.0.1:1/x', headers: {}, body: 'pw=***' },
      error: 'request failed: *** rejected',
    });
  });
});
