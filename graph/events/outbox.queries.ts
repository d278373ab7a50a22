/**
 * The outbox: events are nodes written in the transaction of the change they describe,
 * and put in one order afterwards by the sequencer (sequencer.ts).
 */

/**
 * Records a write's events. Each event's scope is read here, in the write's own
 * transaction, so it is the engagement's partners as the write leaves them. `at` is the
 * statement clock: the write runs this last, after its locks, so of two writes that
 * touch the same item the later one's events carry the later time.
 */
export const RECORD_EVENTS = `
UNWIND $events AS ev
WITH ev, CASE WHEN ev.engagementId IS NULL THEN ev.partnerIds ELSE COLLECT {
    MATCH (p:Partner)-[:PARTICIPATES_IN]->(:Engagement {id: ev.engagementId}) RETURN DISTINCT p.id
  } + coalesce(ev.partnerIds, []) END AS partners
CREATE (:Event:UnsequencedEvent {
  id: ev.id, type: ev.type, at: datetime(), tx: $tx, ord: ev.ord, data: ev.data, partners: partners
})`;

/**
 * Takes the sequence's lock (the counter node, created on first use). Every process's
 * sequencer runs this first, so they take turns. Its own statement, and it reads
 * nothing: a statement that read the counter and then waited for the lock would go on
 * with the value it read before the wait (measured: two sequencers gave out the same
 * numbers), so the counter is read by the next statement, once the lock is held.
 */
export const LOCK_SEQUENCE = `
MERGE (s:GraphState {key: 'events'})
ON CREATE SET s.seq = 0
SET s.locked = true`;

export const READ_SEQUENCE = `
MATCH (s:GraphState {key: 'events'})
RETURN s.seq AS seq`;

/**
 * Numbers the events not yet numbered, after `$base`, oldest first. Run under the
 * sequence's lock, after it was granted: every event it sees was committed before,
 * and one committed later gets a later number in a later turn, so the order is the
 * order of commits, and within one write the order it recorded them in.
 */
export const SEQUENCE_EVENTS = `
MATCH (ev:UnsequencedEvent)
WITH ev ORDER BY ev.at, ev.tx, ev.ord LIMIT $limit
WITH collect(ev) AS evs
UNWIND range(0, size(evs) - 1) AS i
WITH evs[i] AS ev, $base + i + 1 AS seq
SET ev.seq = seq
REMOVE ev:UnsequencedEvent
RETURN count(ev) AS n`;

export const ADVANCE_SEQUENCE = `
MATCH (s:GraphState {key: 'events'})
SET s.seq = $seq`;

/** Whether anything waits for a number: a cheap check before taking the lock. */
export const ANY_UNSEQUENCED = `
MATCH (ev:UnsequencedEvent)
RETURN count(ev) > 0 AS waiting`;

/** The last number given, 0 before the first. */
export const LAST_SEQUENCE = `
OPTIONAL MATCH (s:GraphState {key: 'events'})
RETURN coalesce(s.seq, 0) AS seq`;

/** Sequenced events after `$after`, in order, limited; on the seq index. */
export const EVENTS_AFTER = `
MATCH (ev:Event)
WHERE ev.seq > $after AND ($types IS NULL OR ev.type IN $types)
  AND ($scope IS NULL OR $scope IN ev.partners)
WITH ev ORDER BY ev.seq LIMIT $limit
RETURN ev {.id, .seq, .type, timestamp: toString(ev.at), .data, partners: ev.partners} AS event`;
