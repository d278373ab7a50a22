/**
 * One subscriber's live events: the pump's batches, filtered by type and by the
 * token's scope, as an async iterable graphql-ws can drain.
 *
 * A subscriber that reads too slowly must not make the process hold events for it
 * without bound: past MAX_WAITING undelivered events its subscription ends with an
 * error (it reconnects and reloads, as after any disconnect). Each batch also checks
 * that the token is still valid (the authenticator's short cache: a revoked token's
 * subscriptions end within seconds).
 */
import { EVENT_TYPES, inScope, type EventType, type StoredEvent } from '../../graph/events/index.ts';
import { AppError, clip } from '../../graph/model/index.ts';
import type { EventPump } from './event-pump.ts';

export const MAX_WAITING = 10_000;

export interface LiveOptions {
  pump: EventPump;
  types: readonly string[] | null | undefined;
  /** A PARTNER token's partner, or null. */
  scope: string | null;
  /** Throws when the connection's token is no longer valid. */
  stillValid: () => Promise<void>;
}

/** Checks `types` as the contract names them: all problems at once, with their paths. */
export function eventTypes(types: readonly string[] | null | undefined): EventType[] | null {
  if (!types) return null;
  const problems = types.flatMap((t, i) => ((EVENT_TYPES as readonly string[]).includes(t) ? []
    : [{ path: `types[${i}]`, message: `unknown event type ${JSON.stringify(clip(t))}; one of ${EVENT_TYPES.join(', ')}` }]));
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', 'Unknown event types.', problems);
  return types as EventType[];
}

export function liveEvents(options: LiveOptions): AsyncIterableIterator<StoredEvent> {
  const wanted = eventTypes(options.types);
  const queue: StoredEvent[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let done = false;
  let checking: Promise<void> = Promise.resolve();

  const unlisten = options.pump.listen((events) => {
    const mine = events.filter((e) => (wanted === null || wanted.includes(e.type)) && inScope(e, options.scope));
    if (mine.length === 0) return;
    // Validity is checked before this batch is handed on, in batch order.
    checking = checking.then(options.stillValid).then(() => {
      if (done) return;
      queue.push(...mine);
      if (queue.length > MAX_WAITING) {
        fail(new AppError('QUERY_TOO_COMPLEX', `More than ${MAX_WAITING} events waited for this subscription; subscribe again and reload what you show.`));
      }
      wake?.();
    }, (err: unknown) => fail(err));
  });

  function fail(err: unknown): void {
    failure = err;
    queue.length = 0;
    wake?.();
  }

  function finish(): void {
    done = true;
    unlisten();
    wake?.();
  }

  const iterator: AsyncIterableIterator<StoredEvent> = {
    async next() {
      for (;;) {
        if (failure) { finish(); throw failure; }
        if (queue.length > 0) return { value: queue.shift()!, done: false };
        if (done) return { value: undefined, done: true };
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
      }
    },
    async return() {
      finish();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() { return iterator; },
  };
  return iterator;
}
