import type { RecordedResponse } from '../http/exchange.js';
import { parseRetryAfter } from '../http/retry-after.js';
import { readRateLimitHeaders, type ExpectedPolicy, type RateLimitReading } from './rate-limit-headers.js';
import { secondsUntilReset } from './reset.js';

/** The server's clock when it answered (the Date header), else when the answer arrived. */
export function serverNow(response: Pick<RecordedResponse, 'headers'>, receivedAt: number): number {
  const date = response.headers.date === undefined ? Number.NaN : Date.parse(response.headers.date);
  return Number.isNaN(date) ? receivedAt : date;
}

/** Retry-After in seconds (delay-seconds, or an HTTP-date against the response's Date); undefined when absent or invalid. */
export function retryAfterSeconds(response: RecordedResponse, receivedAt: number): number | undefined {
  return parseRetryAfter(response.headers['retry-after'], serverNow(response, receivedAt));
}

/** The parsed rate-limit headers of a response. */
export function readingsOf(response: RecordedResponse, expected: ExpectedPolicy): RateLimitReading[] {
  return readRateLimitHeaders(response.headers, expected).readings;
}

/** Seconds until the window resets, as the first header family with a reset says (epoch values against the local clock). */
export function resetSeconds(readings: RateLimitReading[], receivedAt: number): number | undefined {
  const reset = readings.find((reading) => reading.reset !== undefined)?.reset;
  return reset === undefined ? undefined : Math.max(0, secondsUntilReset(reset, receivedAt));
}

/** The limit and remaining quota the first complete header family announces. */
export function announcedQuota(readings: RateLimitReading[]): { limit: number; remaining: number; family: string } | undefined {
  const reading = readings.find((r) => r.limit !== undefined && r.remaining !== undefined);
  return reading && { limit: reading.limit!, remaining: reading.remaining!, family: reading.family };
}
