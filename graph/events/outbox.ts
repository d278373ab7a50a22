/** Recording a write's events inside its transaction, and reading them back in order. */
import { randomUUID } from 'node:crypto';
import type { Graph, Tx } from '../db/index.ts';
import type { EventType, NewEvent, StoredEvent } from './event-types.ts';
import { EVENTS_AFTER, LAST_SEQUENCE, RECORD_EVENTS } from './outbox.queries.ts';

/**
 * Records `events` in the write's transaction `tx`: they commit with the change or not
 * at all. Call it last in the write, once the change is made (its scope is read from
 * the changed graph). Nothing to record, no statement.
 */
export async function recordEvents(tx: Tx, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.run(RECORD_EVENTS, {
    tx: randomUUID(),
    events: events.map((e, ord) => ({
      id: randomUUID(), ord, type: e.type, data: JSON.stringify(e.data), engagementId: e.engagementId, partnerIds: e.partnerIds ?? null,
    })),
  });
}

export interface EventQuery {
  /** Events numbered after this (0: from the first). */
  after: number;
  types?: readonly EventType[] | null;
  /** A partner's scope, or null for every event. */
  scope?: string | null;
  limit: number;
}

export async function eventsAfter(graph: Graph, query: EventQuery): Promise<StoredEvent[]> {
  const rows = await graph.read<{ event: StoredEvent }>(EVENTS_AFTER, {
    after: query.after, types: query.types ? [...query.types] : null, scope: query.scope ?? null, limit: query.limit,
  });
  return rows.map((r) => r.event);
}

/** The number of the newest sequenced event: receivers created now start after it. */
export async function lastSequence(graph: Graph): Promise<number> {
  const [row] = await graph.read<{ seq: number }>(LAST_SEQUENCE);
  return row?.seq ?? 0;
}
