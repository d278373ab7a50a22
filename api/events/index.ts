/**
 * Events in the API process: the pump that numbers committed events and hands them to
 * this process's live receivers, and Subscription.events over graphql-ws on /graphql.
 *
 * The area's only door: nothing outside api/events/ imports its other files.
 */
import { EventsResolver } from './events.resolver.ts';

export { startEventPump } from './event-pump.ts';
export type { EventListener, EventPump, EventPumpOptions } from './event-pump.ts';
export { attachLiveServer } from './live-server.ts';
export type { LiveServer } from './live-server.ts';

export const eventsResolvers = [EventsResolver] as const;
