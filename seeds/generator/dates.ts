/**
 * Dates as whole days since 1970-01-01 (UTC), so intervals are integer arithmetic and
 * "strictly after" is simply `>`. Every generated date lies in 2023..2027.
 */

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export const FIRST_DAY = dayOf('2023-01-01');
export const LAST_DAY = dayOf('2027-12-31');
/**
 * The notional "today" the statuses are consistent with (ACTIVE started before it,
 * PLANNED starts after it). Fixed, not the clock: output must not depend on when it runs.
 */
export const AS_OF_DAY = dayOf('2026-07-01');

// All 1,826 date strings are made once: a million engagements format ~15 dates each.
const ISO_BY_DAY: readonly string[] = Array.from(
  { length: LAST_DAY - FIRST_DAY + 1 },
  (_, i) => new Date((FIRST_DAY + i) * DAY_MS).toISOString().slice(0, 10),
);

export function clampDay(day: number): number {
  return Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
}

/** YYYY-MM-DD of a day, clamped into 2023..2027. */
export function isoDate(day: number): string {
  return ISO_BY_DAY[clampDay(day) - FIRST_DAY] as string;
}
