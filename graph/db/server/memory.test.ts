import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { graphConfigFromEnv } from '../config.ts';
import { HEAP_MAX_MB, HEAP_MIN_MB, PAGECACHE_MAX_MB, PAGECACHE_MIN_MB, availableMemoryMb, defaultNeo4jMemory, initialHeapMb } from './memory.ts';

describe('defaultNeo4jMemory', () => {
  it('gives heap and page cache a quarter of the machine each', () => {
    expect(defaultNeo4jMemory(8_192)).toEqual({ heapMb: 2_048, pageCacheMb: 2_048 });
    expect(defaultNeo4jMemory(10_000)).toEqual({ heapMb: 2_500, pageCacheMb: 2_500 });
  });

  it('caps both at 4 GiB on a large machine (the 24 GiB host whose heap grew to 6 GiB)', () => {
    expect(defaultNeo4jMemory(24_151)).toEqual({ heapMb: HEAP_MAX_MB, pageCacheMb: PAGECACHE_MAX_MB });
    expect(defaultNeo4jMemory(256 * 1024)).toEqual({ heapMb: 4_096, pageCacheMb: 4_096 });
  });

  it('keeps the floors on a small machine', () => {
    expect(defaultNeo4jMemory(1_024)).toEqual({ heapMb: HEAP_MIN_MB, pageCacheMb: 256 });
    expect(defaultNeo4jMemory(256)).toEqual({ heapMb: 512, pageCacheMb: PAGECACHE_MIN_MB });
  });

  it('counts the machine, or a lower container limit, never the "no limit" sentinel', () => {
    // Outside a container, process.constrainedMemory() answers 2^64: it must not win.
    const mb = availableMemoryMb();
    expect(mb).toBeGreaterThan(0);
    expect(mb).toBeLessThanOrEqual(Math.floor(totalmem() / 1024 / 1024));
  });
});

describe('initialHeapMb', () => {
  it('starts the heap small and lets it grow to the maximum', () => {
    expect(initialHeapMb(4_096)).toBe(512);
    expect(initialHeapMb(512)).toBe(512);
    expect(initialHeapMb(300)).toBe(300); // never above the maximum, which the JVM refuses
  });
});

describe('graphConfigFromEnv memory settings', () => {
  it('defaults to the machine-sized values', () => {
    expect(graphConfigFromEnv({}, 8_192)).toMatchObject({ heapMb: 2_048, pageCacheMb: 2_048 });
  });

  it('takes NEO4J_HEAP_MB and NEO4J_PAGECACHE_MB over the defaults', () => {
    expect(graphConfigFromEnv({ NEO4J_HEAP_MB: '768', NEO4J_PAGECACHE_MB: ' 300 ' }, 8_192)).toMatchObject({ heapMb: 768, pageCacheMb: 300 });
  });

  it('refuses a value that is not a positive integer, naming the setting', () => {
    expect(() => graphConfigFromEnv({ NEO4J_HEAP_MB: '2g' })).toThrow('NEO4J_HEAP_MB must be a positive integer, got "2g"');
    expect(() => graphConfigFromEnv({ NEO4J_PAGECACHE_MB: '0' })).toThrow('NEO4J_PAGECACHE_MB must be a positive integer, got "0"');
    expect(() => graphConfigFromEnv({ NEO4J_HEAP_MB: '-512' })).toThrow('NEO4J_HEAP_MB');
  });
});
