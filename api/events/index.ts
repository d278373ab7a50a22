/**
 * Events in the API process: the pump that numbers committed events and hands them to
 * this process's live receivers.
 *
 * The area's only door: nothing outside api/events/ imports its other files.
 */
export { startEventPump } from './event-pump.ts';
export type { EventListener, EventPump, EventPumpOptions } from './event-pump.ts';
