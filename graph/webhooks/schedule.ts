/**
 * When a failed attempt is tried again (contract: Events and webhooks; the README lists
 * the schedule): the Standard Webhooks schedule. The first attempt is immediate; after
 * the n-th failure the next comes RETRY_DELAYS_MS[n - 1] later; after the last one the
 * delivery is given up, 8 attempts over about 27.6 hours. WEBHOOK_RETRY_SCALE divides
 * every delay (tests and benchmarks run the whole schedule in seconds).
 */
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/** Attempts in one round: the first and one after each delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long after the `failed`-th failed attempt of a round the next one is due, or null
 * when that was the last: the delivery is given up.
 */
export function retryDelayMs(failed: number, scale: number): number | null {
  const delay = RETRY_DELAYS_MS[failed - 1];
  return delay === undefined ? null : Math.max(0, Math.round(delay / scale));
}
