import type { Identity } from '../../auth/identity.js';
import type { Exchange, OutgoingRequest } from '../../http/exchange.js';
import type { Operation } from '../../spec/model.js';
import type { ThrottleTarget } from '../model.js';

/** One request of a probe, with when it left and when its answer (or failure) arrived, in ms since the epoch. */
export interface Sent {
  exchange: Exchange;
  startedAt: number;
  at: number;
}

/** Who a probe sends as, and the request it repeats. */
export interface Caller {
  identity: Identity | undefined;
  request: OutgoingRequest;
}

/** Why a probe could not run: a skip names the key or flag that would let it, an error is the API's or the setup's fault. */
export type Unavailable = { skip: string; enableWith: string } | { error: string; exchange?: Exchange };

/** How many requests the window held before the burst: known from the headers, or at most what this run sent. */
export type PriorUse = { exact: number } | { atMost: number };

/** The burst of one probe: every request counted in one fresh window, in the order sent. */
export interface Burst {
  target: ThrottleTarget;
  operation: Operation;
  caller: Caller;
  /** The documented limit, or the one the headers announce when none is documented. */
  limit: number;
  windowSeconds: number | undefined;
  /** Where `limit` comes from, for messages. */
  limitSource: string;
  sent: Sent[];
  prior: PriorUse;
  /** How the window's start was established, for messages. */
  start: string;
  /** Every request of this step, with openings that fell in a used window and were discarded. */
  requests: number;
  waitedMs: number;
}

/** A throttle's shared probe state, read by the six checks in order. */
export interface Probe {
  outcome: { burst: Burst } | Unavailable;
  /** The latest 429 the probing identity got: recovery waits from there. */
  latestThrottled: Sent | undefined;
  /** Burst requests no result has reported yet: the first check to report them takes them. */
  unreported: number;
}
