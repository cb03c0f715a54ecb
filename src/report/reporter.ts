import type { RunEvent } from '../run/events.js';
import type { Report } from './model.js';

/** Receives a run's events and its final report; every hook optional, possibly async. */
export interface Reporter {
  onEvent?(event: RunEvent): void;
  onReport?(report: Report): void | Promise<void>;
}
