/**
 * Events: the transactional outbox every successful write records into, the sequencer
 * that puts committed events in one order, and the ordered feed webhooks and live
 * subscriptions read.
 *
 * The area's only door: nothing outside graph/events/ imports its other files.
 */
export { EVENT_TYPES, eventBody, inScope } from './event-types.ts';
export type { EventData, EventType, NewEvent, StoredEvent } from './event-types.ts';
export { eventsAfter, lastSequence, recordEvents } from './outbox.ts';
export type { EventQuery } from './outbox.ts';
export { sequenceEvents } from './sequencer.ts';
