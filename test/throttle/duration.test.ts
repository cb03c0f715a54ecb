import { describe, expect, it } from 'vitest';
import { formatWindow, parseRate, parseWindow } from '../../src/throttle/duration.js';

describe('rates and windows', () => {
  it.each([
    ['5/min', 5, 60],
    ['100/hour', 100, 3600],
    ['10/10s', 10, 10],
    ['1000/day', 1000, 86_400],
    ['3 / 2s', 3, 2],
    ['5/m', 5, 60],
    ['20/1500ms', 20, 1.5],
  ])('reads %s', (text, limit, windowSeconds) => {
    expect(parseRate(text)).toEqual({ limit, windowSeconds });
  });

  it.each(['5', '0/min', '5/fortnight', 'five/min', '/min'])('refuses %s', (text) => {
    expect(parseRate(text)).toBeUndefined();
  });

  it.each([
    [60, 60],
    ['60s', 60],
    ['1m', 60],
    ['1 minute', 60],
    ['hour', 3600],
    ['2h', 7200],
    ['1500ms', 1.5],
  ] as const)('reads the window %s', (value, seconds) => {
    expect(parseWindow(value)).toBe(seconds);
  });

  it.each([0, -1, '', 'soon', '1 lightyear', {}])('refuses the window %j', (value) => {
    expect(parseWindow(value)).toBeUndefined();
  });

  it('formats windows for messages', () => {
    expect([formatWindow(1), formatWindow(60), formatWindow(3600), formatWindow(90)]).toEqual(['1 s', '1 min', '1 h', '90 s']);
  });
});
