import { describe, expect, it } from 'vitest';
import { Lru } from './lru.ts';

describe('Lru', () => {
  it('evicts the least recently used first, a read counting as a use', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('is bounded by weight, and a replaced or deleted value stops counting', () => {
    const lru = new Lru<string>(10, (v) => v.length);
    lru.set('a', 'xxxx');
    lru.set('b', 'xxxx');
    lru.set('a', 'xx');        // 'a' now weighs 2: 6 in all, nothing evicted
    lru.set('c', 'xxxx');      // 10 in all
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['xx', 'xxxx', 'xxxx']);
    lru.set('d', 'x');         // 11: the least recently used ('a') goes
    expect(lru.get('a')).toBeUndefined();
    lru.delete('b');
    lru.set('e', 'xxxxx');     // 4 + 1 + 5 = 10: nothing more goes
    expect([lru.get('c'), lru.get('d'), lru.get('e')]).toEqual(['xxxx', 'x', 'xxxxx']);
  });

  it('deletes conditionally only while the key still holds that value', () => {
    const lru = new Lru<{ n: number }>(5);
    const first = { n: 1 };
    const second = { n: 2 };
    lru.set('k', first);
    lru.set('k', second);
    lru.delete('k', first);
    expect(lru.get('k')).toBe(second);
    lru.delete('k', second);
    expect(lru.get('k')).toBeUndefined();
  });
});
