import { describe, expect, it } from 'vitest';
import { computedAgo, freshPollMs, samePlaces } from './live-metrics.ts';

describe('the map after a write', () => {
  it('keeps the places when the fresh metrics draw the same items', () => {
    expect(samePlaces(['p-a', 'p-b'], ['p-a', 'p-b'])).toBe(true);
    expect(samePlaces(['p-a', 'p-b'], ['p-a'])).toBe(false);
    expect(samePlaces(['p-a', 'p-b'], ['p-a', 'p-c'])).toBe(false);
  });

  it('asks again after 250 ms, doubling to at most 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(freshPollMs)).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it('says how old stale metrics are', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(computedAgo('2026-12-06T09:59:30Z', now)).toBe('computed just now');
    expect(computedAgo('2026-12-06T09:57:00Z', now)).toBe('computed 3 min ago');
    expect(computedAgo('2026-12-06T07:30:00Z', now)).toBe('computed 2 h ago');
    expect(computedAgo('2026-12-05T10:00:00Z', now)).toBe('computed 1 day ago');
    expect(computedAgo('nonsense', now)).toBe('computed earlier');
  });
});
