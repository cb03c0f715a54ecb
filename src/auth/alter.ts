import { randomBytes } from 'node:crypto';

const POOLS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * A value of the same shape that is not the same value: the characters of the second half replaced by other
 * characters of their class (digit, lower case, upper case), so prefixes, separators and length stay.
 */
export function alter(value: string): string {
  const from = Math.floor(value.length / 2);
  const noise = randomBytes(value.length);
  const altered = [...value]
    .map((char, i) => {
      const pool = i < from ? undefined : POOLS.find((candidate) => candidate.includes(char));
      if (!pool) return char;
      const others = pool.replace(char, '');
      return others[noise[i]! % others.length]!;
    })
    .join('');
  return altered === value ? `${value}0` : altered;
}
