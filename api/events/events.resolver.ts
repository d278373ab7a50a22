/** Subscription.events (contract: Events and webhooks): the same events webhooks get, live. */
import { Arg, Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { StoredEvent } from '../../graph/events/index.ts';
import { AppError } from '../../graph/model/index.ts';
import type { Context } from '../graphql/context.ts';
import type { EventPump } from './event-pump.ts';
import { EventObject } from './event.type.ts';
import { liveEvents } from './live-events.ts';

/** What a graphql-ws connection adds to the request context (live-server.ts). */
export interface LiveContext extends Context {
  live?: { pump: EventPump; stillValid: () => Promise<void> };
}

@Resolver()
export class EventsResolver {
  @Subscription(() => EventObject, {
    description: 'Live events over the graphql-ws protocol on /graphql, in the order they happened, within the token\'s scope.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { types?: string[] | null }, LiveContext>) => {
      if (!context.live) {
        throw new AppError('BAD_USER_INPUT', 'Subscriptions are served over the graphql-ws protocol: open a WebSocket to /graphql.');
      }
      return liveEvents({ pump: context.live.pump, types: args.types, scope: context.scope, stillValid: context.live.stillValid });
    },
  })
  events(
    @Root() event: StoredEvent,
    @Arg('types', () => [String], { nullable: true, description: 'Only these event types (default: all).' }) _types: string[] | null,
    @Ctx() _ctx: LiveContext,
  ): EventObject {
    return { id: event.id, type: event.type, timestamp: event.timestamp, data: event.data };
  }
}
