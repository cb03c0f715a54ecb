import type { Schema } from '../spec/model.js';
import type { Random } from './random.js';
import { numberAt } from './schema.js';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const WINDOW = 100;
const ATTEMPTS = 20;

interface Bounds {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/**
 * A number for a `number` or `integer` schema within its bounds (inclusive, exclusive in the 3.0 boolean and
 * the numeric form, `int32`/`int64` ranges) and a multiple of `multipleOf` the way ajv checks it
 * (`value / multipleOf` is an integer). Prefers small positive whole values (`fractional` asks for a
 * non-integer `number` where the bounds allow, to tell it apart from an integer); undefined when none fits.
 */
export function sampleNumber(schema: Schema, integer: boolean, rng: Random, fractional = false): number | undefined {
  const bounds = boundsOf(schema);
  const step = numberAt(schema, 'multipleOf');
  const wholeNumber = integer || schema.format === 'int32' || schema.format === 'int64';
  if (step !== undefined && step > 0) return multipleIn(bounds, step, wholeNumber, rng);
  if (wholeNumber) return multipleIn(bounds, 1, true, rng);
  const low = Math.ceil(bounds.low);
  const high = Math.floor(bounds.high);
  const inside = (value: number): boolean => admits(bounds, value);
  const whole = pickInWindow(low, high, rng);
  for (const candidate of fractional ? [whole === undefined ? undefined : whole + 0.5, whole] : [whole]) {
    if (candidate !== undefined && inside(candidate)) return candidate;
  }
  const middle = (bounds.low + bounds.high) / 2;
  return Number.isFinite(middle) && inside(middle) ? middle : undefined;
}

function boundsOf(schema: Schema): Bounds {
  const bounds: Bounds = { low: -Infinity, high: Infinity, lowOpen: false, highOpen: false };
  const tighten = (value: number | undefined, open: boolean, side: 'low' | 'high'): void => {
    if (value === undefined) return;
    const tighter = side === 'low' ? value > bounds.low || (value === bounds.low && open) : value < bounds.high || (value === bounds.high && open);
    if (!tighter) return;
    bounds[side] = value;
    bounds[side === 'low' ? 'lowOpen' : 'highOpen'] = open;
  };
  tighten(numberAt(schema, 'minimum'), schema.exclusiveMinimum === true, 'low');
  tighten(numberAt(schema, 'maximum'), schema.exclusiveMaximum === true, 'high');
  tighten(numberAt(schema, 'exclusiveMinimum'), true, 'low');
  tighten(numberAt(schema, 'exclusiveMaximum'), true, 'high');
  if (schema.format === 'int32') {
    tighten(INT32.min, false, 'low');
    tighten(INT32.max, false, 'high');
  } else {
    tighten(Number.MIN_SAFE_INTEGER, false, 'low');
    tighten(Number.MAX_SAFE_INTEGER, false, 'high');
  }
  return bounds;
}

function admits(bounds: Bounds, value: number): boolean {
  const aboveLow = bounds.lowOpen ? value > bounds.low : value >= bounds.low;
  const belowHigh = bounds.highOpen ? value < bounds.high : value <= bounds.high;
  return aboveLow && belowHigh;
}

// A multiple k·step within the bounds, k chosen near small positive values; integral when asked.
function multipleIn(bounds: Bounds, step: number, integral: boolean, rng: Random): number | undefined {
  const first = Math.ceil(bounds.low / step);
  const last = Math.floor(bounds.high / step);
  const start = pickInWindow(first, last, rng);
  if (start === undefined) return undefined;
  const decimals = decimalsOf(step);
  for (let offset = 0; offset < ATTEMPTS; offset++) {
    for (const k of [start + offset, start - offset]) {
      const value = Number((k * step).toFixed(decimals));
      if (admits(bounds, value) && Number.isInteger(value / step) && (!integral || Number.isInteger(value))) return value;
    }
  }
  return undefined;
}

// How many decimal places `step` has (1e-7 has 7), at most 20.
function decimalsOf(step: number): number {
  const [mantissa = '', exponent = '0'] = step.toExponential().split('e');
  return Math.min(20, Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent)));
}

// An integer in [low, high], drawn from a window near 1 so that samples stay small and readable.
function pickInWindow(low: number, high: number, rng: Random): number | undefined {
  if (low > high) return undefined;
  if (high < 1) return rng.int(Math.max(low, high - WINDOW), high);
  const from = Math.max(low, 1);
  return rng.int(from, Math.min(high, from + WINDOW));
}
