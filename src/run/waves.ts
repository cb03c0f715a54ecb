import type { Task } from './prepare.js';

/**
 * The order in which operations are exercised so that writes cannot pull data from under reads: safe
 * methods first, then creates and updates, deletes last. Tasks of one wave run concurrently; waves run one
 * after another.
 */
export function waveOf(task: Task): number {
  const method = task.operation?.method;
  if (method === 'delete') return 2;
  if (method === 'post' || method === 'put' || method === 'patch') return 1;
  return 0;
}

/** Tasks grouped into consecutive waves, in wave order (stable within a wave). */
export function inWaves(tasks: readonly Task[]): Task[][] {
  const waves: Task[][] = [[], [], []];
  for (const task of tasks) waves[waveOf(task)]!.push(task);
  return waves.filter((wave) => wave.length > 0);
}
