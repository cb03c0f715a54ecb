import { describe, expect, it } from 'vitest';
import type { Probe } from '../../src/checks/errors/bad-input-probes.js';
import { judgeProbe } from '../../src/checks/errors/probe-verdict.js';
import { exchange } from './observed-context.js';

const malformed: Probe = { label: 'a malformed JSON body', request: { method: 'POST', path: '/api/orders', headers: {} }, expected: [400, 422], hint: '' };
const answered = (status: number) => exchange('POST', '/api/orders', { status });

describe('judgeProbe', () => {
  it('passes an expected rejection, FastAPI’s 422 included', () => {
    expect(judgeProbe(malformed, answered(400), 201)).toEqual({ kind: 'pass', text: 'a malformed JSON body → 400' });
    expect(judgeProbe(malformed, answered(422), 201).kind).toBe('pass');
  });

  it('fails an accepted or crashing probe as an error, another 4xx as a warning', () => {
    expect(judgeProbe(malformed, answered(201), 201)).toMatchObject({ kind: 'fail', severity: 'error', text: expect.stringContaining('the API accepted it') });
    expect(judgeProbe(malformed, answered(500), 201)).toMatchObject({ kind: 'fail', severity: 'error', text: expect.stringContaining('the server failed') });
    expect(judgeProbe(malformed, answered(409), 201)).toMatchObject({ kind: 'fail', severity: 'warning' });
  });

  it('calls it inconclusive when the answer is about something other than the input', () => {
    for (const [status, baseline] of [[401, 201], [403, 201], [429, 201], [307, 201], [404, 404], [400, 400]] as const) {
      expect(judgeProbe(malformed, answered(status), baseline).kind).toBe('inconclusive');
    }
    const { response: _response, ...unanswered } = answered(400);
    expect(judgeProbe(malformed, { ...unanswered, error: 'timeout' }, 201).kind).toBe('inconclusive');
  });
});
