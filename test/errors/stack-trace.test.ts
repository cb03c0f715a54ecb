import { describe, expect, it } from 'vitest';
import { findStackTrace } from '../../src/leaks/stack-trace.js';
import { NOT_TRACES, TRACES } from '../fixtures/errors/traces.js';

describe('findStackTrace', () => {
  it.each(Object.entries(TRACES))('recognises a %s trace', (language, trace) => {
    const found = findStackTrace(trace);
    expect(found?.language).toBe(language);
    expect(found!.frames).toBeGreaterThanOrEqual(2);
    expect(found!.excerpt.length).toBeLessThanOrEqual(300);
  });

  it('takes a Python traceback header with a single frame for a trace', () => {
    expect(findStackTrace('Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\nValueError: boom')?.language).toBe('Python');
  });

  it.each(Object.entries(NOT_TRACES))('ignores %s', (_name, text) => {
    expect(findStackTrace(text)).toBeUndefined();
  });

  it('stays fast on a large single-line body', () => {
    const started = performance.now();
    expect(findStackTrace(`at ${'a'.repeat(64 * 1024)} (x.js:1:2)`)).toBeUndefined();
    expect(findStackTrace(`${'at x ('.repeat(5_000)}\n`.repeat(10))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
