import randexpModule from 'randexp';
import { compile } from './conforms.js';
import type { Random } from './random.js';

// randexp is CommonJS whose module.exports is the class itself, while its typings declare an ES default export.
const RandExp = randexpModule as unknown as typeof randexpModule.default;
type Generator = InstanceType<typeof RandExp>;

const ATTEMPTS = 8;
const REPEAT_LIMIT = 8;

/**
 * A string that the JSON Schema `pattern` matches (ECMAScript with the `u` flag, unanchored), with a length
 * in [min, max]; undefined when none was found. Tries a few random strings first, then the fewest
 * repetitions, then the fewest that reach `min` (so `^[0-9a-f]+$` with a length of 40 works). A too-short
 * match of a pattern that is not anchored at one end is padded at that end.
 */
export function patternString(pattern: string, min: number, max: number, rng: Random): string | undefined {
  let generator: Generator;
  try {
    generator = new RandExp(pattern);
  } catch {
    return undefined;
  }
  const regex = compile(pattern);
  const attempt = (): string | undefined => {
    const candidate = fitLength(generator.gen(), pattern, min, max);
    return candidate !== undefined && regex?.test(candidate) !== false ? candidate : undefined;
  };
  generator.randInt = (low, high) => rng.int(low, high);
  generator.max = Math.max(1, Math.min(max, Math.max(REPEAT_LIMIT, min)));
  for (let index = 0; index < ATTEMPTS; index++) {
    const found = attempt();
    if (found !== undefined) return found;
  }
  generator.randInt = (low) => low;
  generator.max = 0;
  const shortest = attempt();
  if (shortest !== undefined || min === 0) return shortest;
  generator.randInt = (_low, high) => high;
  generator.max = fewestRepeatsReaching(generator, min);
  return attempt();
}

// The smallest repetition bound whose longest string reaches `min` characters (binary search).
function fewestRepeatsReaching(generator: Generator, min: number): number {
  let low = 0;
  let high = min;
  while (low < high) {
    const middle = (low + high) >> 1;
    generator.max = middle;
    if ([...generator.gen()].length >= min) high = middle;
    else low = middle + 1;
  }
  return low;
}

function fitLength(value: string, pattern: string, min: number, max: number): string | undefined {
  const length = [...value].length;
  if (length > max) return undefined;
  if (length >= min) return value;
  const filler = 'x'.repeat(min - length);
  if (!/(?<!\\)\$$/.test(pattern)) return value + filler;
  if (!pattern.startsWith('^')) return filler + value;
  return undefined;
}
