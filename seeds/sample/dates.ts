/**
 * The sample writes dates as YYYY-MM-DD strings, so they compare as text; the day
 * arithmetic is the large generator's (whole UTC days, 2023..2027, which holds every
 * date the sample draws).
 */
import { dayOf, isoDate } from '../generator/dates.ts';

export function addDays(iso: string, n: number): string {
  return isoDate(dayOf(iso) + n);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
