import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../src/auth/challenge.js';

describe('parseChallenges (RFC 9110 §11.6.1)', () => {
  it('reads one challenge with parameters, quoted and not', () => {
    expect(parseChallenges('Bearer realm="api", error="invalid_token", error_description="The token, it expired"')).toEqual([
      { scheme: 'Bearer', params: { realm: 'api', error: 'invalid_token', error_description: 'The token, it expired' } },
    ]);
  });

  it('splits several challenges, including repeated fields joined with a comma', () => {
    const challenges = parseChallenges('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", Bearer');
    expect(challenges.map((c) => c.scheme)).toEqual(['Newauth', 'Basic', 'Bearer']);
    expect(challenges[0]!.params).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps"' });
    expect(challenges[2]!.params).toEqual({});
  });

  it('keeps token68 credentials apart from parameters', () => {
    expect(parseChallenges('Negotiate YII=, Basic realm="x"')).toEqual([
      { scheme: 'Negotiate', params: {}, token68: 'YII=' },
      { scheme: 'Basic', params: { realm: 'x' } },
    ]);
  });

  it('lower-cases parameter names and ignores empty list elements', () => {
    expect(parseChallenges(' , Bearer Realm="a",, ERROR=invalid_token')).toEqual([{ scheme: 'Bearer', params: { realm: 'a', error: 'invalid_token' } }]);
  });
});
