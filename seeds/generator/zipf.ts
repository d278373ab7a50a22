import type { Rng } from './prng.ts';

/**
 * Draws ranks 0..size-1 with weight 1/(rank + offset)^exponent (Zipf-Mandelbrot). Ranks
 * from `reachable` on get weight 0: they are never drawn, which is how the idle tail of
 * an ecosystem (signed up, never transacted) appears at every size.
 * Memory: one Float64Array of `size`; a draw is a binary search, O(log size).
 */
export class RankSampler {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(size: number, exponent: number, offset: number, reachable = size) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      if (rank < reachable) sum += 1 / Math.pow(rank + offset, exponent);
      this.cumulative[rank] = sum;
    }
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  draw(rng: Rng): number {
    const target = rng.float() * this.total;
    // First rank whose cumulative weight exceeds the target; a zero-weight rank never
    // qualifies because its cumulative equals its predecessor's.
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Up to `count` distinct values from `draw`, rejecting repeats and values `accept`
 * refuses. Rejection is bounded; when a heavy head keeps repeating, the values are
 * completed by scanning `fallback` in order, so the loop always ends (tiny ecosystems).
 */
export function drawDistinct(
  count: number,
  draw: () => number,
  fallback: ArrayLike<number>,
  accept: (value: number) => boolean = () => true,
): number[] {
  const chosen: number[] = [];
  const taken = (value: number): boolean => chosen.includes(value);
  for (let tries = 0; chosen.length < count && tries < count * 16; tries++) {
    const value = draw();
    if (!taken(value) && accept(value)) chosen.push(value);
  }
  for (let i = 0; chosen.length < count && i < fallback.length; i++) {
    const value = fallback[i];
    if (!taken(value) && accept(value)) chosen.push(value);
  }
  return chosen;
}
