import { setTimeout as sleep } from 'node:timers/promises';

/** Extra wait after an announced reset: the values are whole seconds, and clocks and timers are coarse. */
const SLACK_MS = 100;

/** Waits `seconds` (plus the slack), less the milliseconds already gone since `since`; returns the ms waited. */
export async function waitFor(seconds: number, since: number = Date.now()): Promise<number> {
  const ms = Math.max(0, seconds * 1000 + SLACK_MS - (Date.now() - since));
  await sleep(ms);
  return ms;
}
