/**
 * Puts recorded events in one order that every receiver shares. A number given inside
 * the writing transaction would not do: two writers could commit in the other order,
 * and a reader that had passed the first number would never see the second event. So
 * writes record events unnumbered, lock-free, and the sequencer numbers the committed
 * ones afterwards, under one lock, in a transaction of its own.
 *
 * Any number of processes may run it: they take turns on the lock, and a turn that
 * finds nothing waiting costs one read.
 */
import type { Graph } from '../db/index.ts';
import { ADVANCE_SEQUENCE, ANY_UNSEQUENCED, LOCK_SEQUENCE, READ_SEQUENCE, SEQUENCE_EVENTS } from './outbox.queries.ts';

/** Events numbered per turn: one transaction stays small whatever the backlog. */
const BATCH = 5_000;

/** Numbers what waits; returns how many were numbered (0 when nothing waited). */
export async function sequenceEvents(graph: Graph): Promise<number> {
  const [check] = await graph.read<{ waiting: boolean }>(ANY_UNSEQUENCED);
  if (!check?.waiting) return 0;
  // Not a change of the ecosystem: no graph version mark, no cached answer dropped.
  return graph.derivedWriteTx(async (tx) => {
    await tx.run(LOCK_SEQUENCE);
    const [counter] = await tx.run<{ seq: number }>(READ_SEQUENCE);
    const base = counter!.seq;
    const [row] = await tx.run<{ n: number }>(SEQUENCE_EVENTS, { base, limit: BATCH });
    const n = row?.n ?? 0;
    if (n > 0) await tx.run(ADVANCE_SEQUENCE, { seq: base + n });
    return n;
  });
}
