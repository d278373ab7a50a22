/**
 * The draws the sample needs beyond the shared seeded Rng (seeds/generator/prng.ts),
 * built only on its public methods so both generators share one PRNG.
 */
import { dayOf, isoDate } from '../generator/dates.ts';
import type { Rng } from '../generator/prng.ts';

/** A uniform day in [from, to], both inclusive (YYYY-MM-DD); `from` when `to` is not after it. */
export function drawDate(rng: Rng, from: string, to: string): string {
  return isoDate(rng.int(dayOf(from), dayOf(to)));
}

/** A shuffled copy of `items` (Fisher-Yates through the shared permutation). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  return Array.from(rng.permutation(items.length), (i) => items[i] as T);
}

/** One item with probability proportional to `weight(item)` (weights > 0). */
export function weightedBy<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  return rng.weighted(items.map((item) => [item, weight(item)] as const));
}
