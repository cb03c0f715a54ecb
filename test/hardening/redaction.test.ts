import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createRedactor } from '../../src/http/redact.js';
import { createRunRedactor } from '../../src/run/redaction.js';
import type { ApiSpec } from '../../src/spec/model.js';

const SECRET = 'sk_live_4f1c2a9e7b3d5c8a';

describe('what the redactor hides that a literal match would miss', () => {
  test('a secret a quote cuts (`…` marks the cut) is masked on either side of the mark', () => {
    const redactor = createRedactor({ secrets: [SECRET, 'acme-admin-password'] });
    expect(redactor.redactText(`the body holds a trace: "Error | token: ${SECRET.slice(0, 14)}…"`)).toBe('the body holds a trace: "Error | token: ***…"');
    expect(redactor.redactText(`"…${SECRET.slice(-12)} at handler (/srv/app.js:1:1)"`)).toBe('"…*** at handler (/srv/app.js:1:1)"');
    expect(redactor.redactText(`as acme-admin (tenant acme): ${SECRET.slice(0, 14)}`)).toBe(`as acme-admin (tenant acme): ${SECRET.slice(0, 14)}`);
  });

  test('a one-letter derived value is not a secret: text stays readable', () => {
    const redactor = createRedactor({ secrets: ['k'] });
    redactor.addSecret('c');
    expect(redactor.redactText('the check could not finish')).toBe('the check could not finish');
  });

  test('a credential in a query keeps the punctuation after it', () => {
    const redactor = createRedactor({ queryNames: ['sig'] });
    expect(redactor.redactText('no response to GET /r?sig=abc123: timeout')).toBe('no response to GET /r?sig=***: timeout');
    expect(redactor.redactText('(GET /r?sig=abc123) answered 200')).toBe('(GET /r?sig=***) answered 200');
    expect(redactor.redactText('GET /r?sig=a:b)c')).toBe('GET /r?sig=***');
  });

  test('values of credential-like headers the config adds to every request are secrets; other headers are not', () => {
    const spec = { securitySchemes: {} } as unknown as ApiSpec;
    const config = parseConfig({ headers: { 'X-Deploy-Token': 'deploy-7f3a9c1e', Authorization: 'Basic dXNlcjpwdw==', 'X-Tenant': 'acme-corp' } }, 'inline');
    const redactor = createRunRedactor(spec, config);
    expect(redactor.redactText('echo: deploy-7f3a9c1e Basic dXNlcjpwdw== acme-corp')).toBe('echo: *** *** acme-corp');
  });
});
