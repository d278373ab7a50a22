/**
 * Claims and stored networks in the real database (metrics-store.ts): a claim is taken
 * once per version, seen as busy by others until it is stored, released or its lease
 * runs out, and storing never replaces a newer network. None of it changes the graph version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphVersion, type Graph } from '../db/index.ts';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import { claim, metricsKey, readStored, releaseClaim, store, waitIsOver } from './metrics-store.ts';

let graph: Graph;
beforeAll(async () => {
  graph = await openTestGraph();
  await wipe(graph);
});
afterAll(async () => graph?.close());

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('metrics-store', () => {
  it('claims once per version; others see it busy until it is stored', async () => {
    const key = metricsKey('{"a":1}');
    const version = await graphVersion(graph);
    expect(await claim(graph, key, 10)).toBe('claimed');
    expect(await claim(graph, key, 10)).toBe('busy');
    expect(await claim(graph, key, 9)).toBe('busy');
    expect(await waitIsOver(graph, key, 10)).toBe(false);
    await store(graph, key, '{"a":1}', 10, '2026-12-05T10:00:00.000Z', bytes(1, 2, 255));
    expect(await waitIsOver(graph, key, 10)).toBe(true);
    expect(await claim(graph, key, 10)).toBe('stored');
    expect(await claim(graph, key, 8)).toBe('stored');
    const stored = await readStored(graph, key);
    expect([stored!.version, [...stored!.bytes]]).toEqual([10, [1, 2, 255]]);
    expect(await graphVersion(graph)).toBe(version);
  });

  it('never replaces a newer network with an older one', async () => {
    const key = metricsKey('{"b":1}');
    await store(graph, key, '{"b":1}', 20, '2026-12-05T10:00:00.000Z', bytes(20));
    await store(graph, key, '{"b":1}', 19, '2026-12-05T10:00:00.000Z', bytes(19));
    expect([...(await readStored(graph, key))!.bytes]).toEqual([20]);
    expect(await claim(graph, key, 21)).toBe('claimed');
  });

  it('a released claim, or one whose lease ran out, is taken by the next process', async () => {
    const key = metricsKey('{"c":1}');
    expect(await claim(graph, key, 30)).toBe('claimed');
    await releaseClaim(graph, key, 30);
    expect(await waitIsOver(graph, key, 30)).toBe(true);
    expect(await claim(graph, key, 30)).toBe('claimed');
    // A process that died mid-computation stops renewing: its lease runs out.
    await graph.derivedWriteTx((tx) => tx.run('MATCH (s:NetworkMetrics {key: $key}) SET s.claimUntil = timestamp() - 1', { key }));
    expect(await waitIsOver(graph, key, 30)).toBe(true);
    expect(await claim(graph, key, 30)).toBe('claimed');
  });

  it('many claims of one version racing: exactly one is taken', async () => {
    const key = metricsKey('{"d":1}');
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => claim(graph, key, 40)));
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(11);
  });

  it('a missing network reads as null', async () => {
    expect(await readStored(graph, metricsKey('{"never":1}'))).toBeNull();
  });
});
