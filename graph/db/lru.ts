/**
 * A least-recently-used map bounded by the total weight of its values: each value
 * weighs 1 unless `weigh` says otherwise (the answer cache weighs its bytes). A Map
 * keeps insertion order, so re-inserting a key on a hit makes the first key the least
 * recently used, and eviction walks from there.
 */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly limit: number, private readonly weigh: (value: V) => number = () => 1) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores `value` as the most recently used, then evicts the least recently used over the limit. */
  set(key: string, value: V): void {
    this.delete(key);
    this.entries.set(key, value);
    this.total += this.weigh(value);
    for (const [oldest] of this.entries) {
      if (this.total <= this.limit) break;
      this.delete(oldest);
    }
  }

  /** Deletes `key`; given `only`, only while the key still holds that value (a newer one may have replaced it). */
  delete(key: string, only?: V): void {
    const value = this.entries.get(key);
    if (value === undefined || (only !== undefined && value !== only)) return;
    this.entries.delete(key);
    this.total -= this.weigh(value);
  }
}
