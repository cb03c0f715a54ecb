import { describe, expect, it } from 'vitest';
import { bodyWait } from '../../src/throttle/body-wait.js';
import { readRateLimitHeaders } from '../../src/throttle/rate-limit-headers.js';
import { resetKind, secondsUntilReset } from '../../src/throttle/reset.js';

describe('rate-limit headers', () => {
  it('reads IETF draft-11 fields and picks the policy that matches the expected limit', () => {
    const { readings, malformed } = readRateLimitHeaders(
      { 'ratelimit-policy': '"burst";q=10;w=1, "daily";q=1000;w=86400', ratelimit: '"burst";r=3;t=1, "daily";r=990;t=40000' },
      { limit: 1000 },
    );
    expect(malformed).toEqual([]);
    expect(readings).toEqual([{ family: 'RateLimit', limit: 1000, remaining: 990, reset: 40000, window: 86400, policy: 'daily' }]);
  });

  it('without an expectation takes the policy closest to its limit, and ignores quotas not counted in requests', () => {
    const { readings } = readRateLimitHeaders({
      'ratelimit-policy': '"bytes";q=100000;qu="content-bytes";w=60, "burst";q=10;w=1, "daily";q=1000;w=86400',
      ratelimit: '"bytes";r=0;t=60, "burst";r=3;t=1, "daily";r=990;t=40000',
    });
    expect(readings[0]).toMatchObject({ policy: 'burst', remaining: 3 });
  });

  it('reads express-rate-limit draft-8 (appended fields, partition key)', () => {
    const { readings } = readRateLimitHeaders({ ratelimit: '"5-in-1sec"; r=4; t=1', 'ratelimit-policy': '"5-in-1sec"; q=5; w=1; pk=:ZTNiMGM0NDI5OGZj:' });
    expect(readings).toEqual([{ family: 'RateLimit', limit: 5, remaining: 4, reset: 1, window: 1, policy: '5-in-1sec' }]);
  });

  it('reads the draft-07 combined field with the older policy', () => {
    const { readings } = readRateLimitHeaders({ ratelimit: 'limit=5, remaining=2, reset=1', 'ratelimit-policy': '5;w=1' });
    expect(readings).toEqual([{ family: 'RateLimit (draft-07)', limit: 5, remaining: 2, reset: 1, window: 1 }]);
  });

  it('reads draft-06 separate fields and legacy X-RateLimit-* side by side', () => {
    const { readings } = readRateLimitHeaders({
      'ratelimit-limit': '10, 10;w=60',
      'ratelimit-remaining': '9',
      'ratelimit-reset': '59',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '9',
      'x-ratelimit-reset': '1767225600',
    });
    expect(readings).toEqual([
      { family: 'RateLimit-Limit/-Remaining/-Reset', limit: 10, remaining: 9, reset: 59 },
      { family: 'X-RateLimit-*', limit: 10, remaining: 9, reset: 1767225600 },
    ]);
  });

  it('names malformed fields, which clients must ignore', () => {
    const { readings, malformed } = readRateLimitHeaders({ ratelimit: 'r=4;t=1 garbage', 'ratelimit-policy': '"x";w=1', 'x-ratelimit-remaining': 'lots' });
    expect(readings).toEqual([]);
    expect(malformed).toEqual(['RateLimit-Policy: "x";w=1', 'RateLimit: r=4;t=1 garbage', 'X-RateLimit-Remaining: lots']);
  });

  it('reads a policy without a RateLimit field', () => {
    expect(readRateLimitHeaders({ 'ratelimit-policy': '"default";q=50;w=30' }).readings).toEqual([{ family: 'RateLimit', limit: 50, window: 30, policy: 'default' }]);
  });
});

describe('reset values', () => {
  it('tells epoch seconds, epoch milliseconds and delta seconds apart by magnitude', () => {
    expect([resetKind(30), resetKind(1_767_225_600), resetKind(1_767_225_600_000)]).toEqual(['delta', 'epoch', 'epoch-ms']);
  });

  it('turns each into seconds from now', () => {
    const now = 1_767_225_570_000;
    expect([secondsUntilReset(30, now), secondsUntilReset(1_767_225_600, now), secondsUntilReset(1_767_225_600_000, now)]).toEqual([30, 30, 30]);
  });
});

describe('waits in error bodies', () => {
  it.each([
    ['{"detail":"Request was throttled. Expected available in 3 seconds."}', 3, 'detail: "available in 3 seconds"'],
    ['{"statusCode":429,"error":"Too Many Requests","message":"Rate limit exceeded, retry in 1 second"}', 1, 'message: "retry in 1 second"'],
    ['{"error":{"code":"throttled","details":{"wait_seconds":12}}}', 12, 'error.details.wait_seconds'],
    ['{"retry_after":"4"}', 4, 'retry_after'],
    ['Too many requests, try again in 2 minutes.', 120, '"try again in 2 minutes"'],
  ])('reads %s', (body, seconds, source) => {
    expect(bodyWait(body)).toMatchObject({ seconds, source });
  });

  it('allows half the unit of a rounded wait', () => {
    expect(bodyWait('retry in 2 minutes')!.slack).toBe(31);
  });

  it.each(['Too many requests, please try again later.', '{"message":"slow down","count":3}', ''])('finds none in %j', (body) => {
    expect(bodyWait(body)).toBeUndefined();
  });
});
