/**
 * The process's event pump: numbers committed events (graph/events' sequencer, shared
 * by every API process on the database) and hands each numbered event, in order, to
 * the process's listeners: live subscriptions and the webhook dispatcher.
 *
 * It polls, since Neo4j tells no one about a commit: every `intervalMs` one cheap
 * read when idle (is anything unnumbered? anything after what we saw?), and at once
 * again while there is a backlog. A local write also nudges it (`nudge`), so an event
 * of this process goes out without waiting for the next tick.
 */
import type { Graph } from '../../graph/db/index.ts';
import { eventsAfter, lastSequence, sequenceEvents, type StoredEvent } from '../../graph/events/index.ts';

export type EventListener = (events: readonly StoredEvent[]) => void;

export interface EventPump {
  /** Called with every batch of newly numbered events, in order; returns the unsubscribe. */
  listen(listener: EventListener): () => void;
  /** The number of the last event handed to listeners. */
  readonly seen: number;
  /** How many listeners it has (live subscriptions and the dispatcher): tests wait on it. */
  readonly listeners: number;
  /** Runs a turn soon (after a local write). */
  nudge(): void;
  stop(): Promise<void>;
}

export interface EventPumpOptions {
  intervalMs?: number;
  /** Events read per turn; a backlog is read in turns of this size, one after another. */
  batch?: number;
  /** Where a failed turn is reported; the pump goes on at the next tick. */
  onError?: (err: unknown) => void;
}

export async function startEventPump(graph: Graph, options: EventPumpOptions = {}): Promise<EventPump> {
  const intervalMs = options.intervalMs ?? 100;
  const batch = options.batch ?? 1_000;
  const listeners = new Set<EventListener>();
  // Listeners get what is numbered from now on; receivers that need earlier events
  // (a webhook's backlog) read them from the database themselves.
  let seen = await lastSequence(graph);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function turn(): Promise<void> {
    await sequenceEvents(graph);
    for (;;) {
      const events = await eventsAfter(graph, { after: seen, limit: batch });
      if (events.length === 0) return;
      seen = events[events.length - 1]!.seq;
      for (const listener of listeners) {
        try {
          listener(events);
        } catch (err) {
          options.onError?.(err);
        }
      }
      if (events.length < batch || stopped) return;
    }
  }

  function schedule(delayMs: number): void {
    if (stopped || timer) return;
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run(): void {
    timer = null;
    if (running) { again = true; return; }
    running = turn().catch((err: unknown) => options.onError?.(err)).finally(() => {
      running = null;
      if (again) { again = false; schedule(0); } else schedule(intervalMs);
    });
  }

  schedule(0);
  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get seen() { return seen; },
    get listeners() { return listeners.size; },
    nudge() {
      if (timer) { clearTimeout(timer); timer = null; }
      run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
