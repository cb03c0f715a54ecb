import type { CheckContext } from '../../checks/check.js';
import { announcedQuota, readingsOf, resetSeconds, retryAfterSeconds } from '../announced.js';
import { formatWindow } from '../duration.js';
import type { ThrottleTarget } from '../model.js';
import type { RateLimitReading } from '../rate-limit-headers.js';
import { sendAs } from './caller.js';
import { waitFor } from './clock.js';
import type { Caller, PriorUse, Sent, Unavailable } from './types.js';

const MAX_OPENINGS = 3;

/** The first request of a fresh (or accounted-for) window, and what the probe learnt from it. */
export interface Opening {
  sent: Sent;
  limit: number;
  windowSeconds: number | undefined;
  limitSource: string;
  prior: PriorUse;
  start: string;
  requests: number;
  waitedMs: number;
}

/** What to do after an opening: wait (a whole window, or until an announced reset) and open again, or count from it. */
type Step = { wait: number; wholeWindow?: true } | { accept: PriorUse; start: string } | { skip: string; enableWith: string };

/**
 * Sends the probe's first request and makes sure the burst counts from a fresh window: when the headers
 * show an earlier use (or a 429 comes back), waits for the reset they announce; without headers, waits one
 * window if this run already sent requests there. At most three openings, and waits adding up to at most
 * `--max-wait`; a window that cannot be waited out is either accounted for (the headers say how much of it
 * is used) or reported as uncertain.
 */
export async function openWindow(ctx: CheckContext, target: ThrottleTarget, caller: Caller, earlierRequests: number): Promise<Opening | (Unavailable & { requests: number })> {
  let waitedMs = 0;
  let waitedWindow = false;
  for (let attempt = 1; ; attempt++) {
    const sent = await sendAs(ctx, caller);
    const response = sent.exchange.response;
    if (!response) return { error: `no response to ${describe(caller)}: ${sent.exchange.error}`, exchange: sent.exchange, requests: attempt };
    const readings = readingsOf(response, { limit: target.limit, window: target.windowSeconds });
    const announced = readings.find((reading) => reading.limit !== undefined);
    const limit = target.limit ?? announced?.limit;
    if (limit === undefined) {
      return { skip: `no limit is documented for ${target.label} and its responses announce none`, enableWith: 'x-rate-limit in the document (or throttles[] in the config)', requests: attempt };
    }
    const windowSeconds = target.windowSeconds ?? announced?.window;
    const budgetSeconds = ctx.maxWaitSeconds - waitedMs / 1000;
    const last = attempt === MAX_OPENINGS;
    const step = nextStep({ status: response.status, readings, windowSeconds, budgetSeconds, earlierRequests, waitedWindow, last, retryAfter: retryAfterSeconds(response, sent.at), at: sent.at });
    if ('wait' in step) {
      waitedMs += await waitFor(step.wait, sent.at);
      waitedWindow ||= step.wholeWindow === true;
      continue;
    }
    if (!('accept' in step)) return { ...step, requests: attempt };
    const limitSource = target.limit !== undefined ? target.source : `announced by the server's ${announced!.family} header; no limit is documented`;
    return { sent, limit, windowSeconds, limitSource, prior: step.accept, start: step.start, requests: attempt, waitedMs };
  }
}

interface Observation {
  status: number;
  readings: RateLimitReading[];
  windowSeconds: number | undefined;
  budgetSeconds: number;
  earlierRequests: number;
  waitedWindow: boolean;
  last: boolean;
  retryAfter: number | undefined;
  at: number;
}

function nextStep(o: Observation): Step {
  const reset = resetSeconds(o.readings, o.at);
  if (o.status === 429) {
    const wait = o.retryAfter ?? reset ?? o.windowSeconds;
    if (wait === undefined) return { skip: 'already throttled when the probe began, and nothing says when the window ends', enableWith: 'x-rate-limit.window in the document' };
    if (o.last) return { skip: `still throttled after waiting ${MAX_OPENINGS - 1} times for the announced reset`, enableWith: '--max-wait' };
    if (wait > o.budgetSeconds) return { skip: `already throttled when the probe began; the window ends in ${Math.ceil(wait)} s, beyond --max-wait`, enableWith: '--max-wait' };
    return { wait };
  }
  const quota = announcedQuota(o.readings);
  // After a request, remaining can be at most limit - 1: a header announcing more does not track the limiter
  // (throttle.headers reports it), so it says nothing about earlier use and the probe proceeds as without headers.
  if (quota && quota.remaining < quota.limit) {
    const used = quota.limit - 1 - quota.remaining;
    if (used <= 0) return { accept: { exact: 0 }, start: `${quota.family} announced a full quota (${quota.remaining} left of ${quota.limit})` };
    const wait = reset ?? o.windowSeconds;
    if (wait !== undefined && wait <= o.budgetSeconds && !o.last) return { wait };
    return { accept: { exact: used }, start: `${quota.family} said ${used} requests of the window were already used; they are counted` };
  }
  if (o.earlierRequests === 0) return { accept: { exact: 0 }, start: 'no earlier request of this run reached it' };
  if (o.waitedWindow) return { accept: { exact: 0 }, start: 'waited one window after the last request' };
  if (o.windowSeconds !== undefined && o.windowSeconds <= o.budgetSeconds && !o.last) return { wait: o.windowSeconds, wholeWindow: true };
  const window = o.windowSeconds === undefined ? 'unknown' : formatWindow(o.windowSeconds);
  return {
    accept: { atMost: o.earlierRequests },
    start: `the window (${window}) is longer than --max-wait and no header says how much of it is used: ${o.earlierRequests} earlier requests of this run may still count`,
  };
}

function describe(caller: Caller): string {
  return `${caller.request.method} ${caller.request.path}`;
}
