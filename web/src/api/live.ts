/**
 * Live events for the signed-in page (contract: Events and webhooks): one graphql-ws
 * client per page, on the WebSocket at /graphql of the same origin, authenticated by the
 * browser session (the cookie goes with the upgrade, and the server checks its Origin), or
 * by the connection parameter `authorization: "Bearer <token>"`. Nothing opens until a view
 * listens; sign-out closes it. One subscription carries every event the token may see;
 * each view picks its types.
 *
 * Subscription.events has no resume argument: events missed while disconnected are not
 * sent again. So whenever the subscription starts again (a new connection, a retry after
 * the server ended it), every listener is told to reload what it shows. Retries wait
 * longer each time (backoffMs) and go on until the server refuses the token.
 */
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import { graphql } from './generated/index.ts';
import type { LiveEventsSubscription } from './generated/graphql.ts';

export const LIVE_EVENTS = graphql(`subscription LiveEvents { events { id type timestamp data } }`);

export interface LiveEvent {
  id: string;
  /** outcome.status_changed, commitment.status_changed, role.assigned, role.ended, import.completed, … */
  type: string;
  timestamp: string;
  /** The event's data (the ids involved, old and new values), parsed from its JSON text. */
  data: Readonly<Record<string, unknown>>;
}

/**
 * idle: nobody listens; connecting: the first connection is being opened; live: events
 * arrive; reconnecting: the connection was lost, a retry is under way; stopped: signed
 * out, or the server refused the token.
 */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** `connected`: the listener's first connection; `reconnected`: a later one, after a gap. */
export type ReloadReason = 'connected' | 'reconnected';

export interface LiveListener {
  event(event: LiveEvent): void;
  /** Events may have been missed (before this connection, or while disconnected): reload what is shown. */
  reload(reason: ReloadReason): void;
}

export interface Live {
  /** Listens to the events of `types` (all when left out); returns the function that stops listening. */
  listen(listener: LiveListener, types?: readonly string[]): () => void;
  state(): LiveState;
  onState(callback: (state: LiveState) => void): () => void;
  /** Closes the connection for good (sign-out). */
  close(): void;
}

/** What live.ts uses of a graphql-ws client; unit tests give a fake. */
export type LiveClient = Pick<Client, 'on' | 'subscribe' | 'dispose'>;

/** What a connection authenticates with: a bearer token, the browser session (its cookie), or nothing: signed out. */
export type LiveCredential = { token: string } | 'session' | null;

export interface LiveOptions {
  url: string;
  /** Read at each connection; null once signed out. */
  credential(): LiveCredential;
  makeClient?(options: ClientOptions): LiveClient;
  /** Milliseconds before retry number `attempt` (0 first). */
  backoff?(attempt: number): number;
}

/** The WebSocket address of /graphql on the page's own origin. */
export function liveUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/** Exponential backoff with jitter: 0.25–0.5 s first, doubling, at most 15–30 s. */
export function backoffMs(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(30_000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

interface ErrorLike { extensions?: { code?: unknown } }

/** Whether the server will not take this token again: 4403 on connecting, or UNAUTHENTICATED/FORBIDDEN. */
export function isRefusal(err: unknown): boolean {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof (err as { code: unknown }).code === 'number') {
    const { code } = err as { code: number };
    return code === 4401 || code === 4403;
  }
  const errors = Array.isArray(err) ? (err as ErrorLike[]) : [];
  return errors.some((e) => e?.extensions?.code === 'UNAUTHENTICATED' || e?.extensions?.code === 'FORBIDDEN');
}

export function toLiveEvent(raw: LiveEventsSubscription['events']): LiveEvent {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw.data);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch { /* an event without readable data still says that something changed */ }
  return { id: raw.id, type: raw.type, timestamp: String(raw.timestamp), data };
}

interface Entry { listener: LiveListener; types: ReadonlySet<string> | null; connectedOnce: boolean }

/** A listener's failure must not reach graphql-ws (it would close the socket) nor the other listeners. */
function safely(call: () => void): void {
  try {
    call();
  } catch (err) {
    queueMicrotask(() => { throw err; });
  }
}

export function createLive(options: LiveOptions): Live {
  const entries = new Set<Entry>();
  const stateCallbacks = new Set<(state: LiveState) => void>();
  const backoff = options.backoff ?? ((attempt: number) => backoffMs(attempt));
  let client: LiveClient | null = null;
  /** The running subscription (an identity, so late calls of an ended one are ignored) and its end. */
  let running: object | null = null;
  let unsubscribe: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let socketOpen = false;
  /** A subscription was (re)started and its listeners are not told to reload yet. */
  let reloadDue = false;
  let stopped = false;
  let state: LiveState = 'idle';

  function setState(next: LiveState): void {
    if (next === state) return;
    state = next;
    for (const callback of [...stateCallbacks]) safely(() => callback(next));
  }

  function reloadAll(): void {
    reloadDue = false;
    for (const entry of [...entries]) {
      const reason: ReloadReason = entry.connectedOnce ? 'reconnected' : 'connected';
      entry.connectedOnce = true;
      safely(() => entry.listener.reload(reason));
    }
  }

  function dispatch(event: LiveEvent): void {
    attempt = 0;
    for (const entry of [...entries]) {
      if (!entry.types || entry.types.has(event.type)) safely(() => entry.listener.event(event));
    }
  }

  function ensureClient(): LiveClient {
    if (client) return client;
    const made = (options.makeClient ?? createClient)({
      url: options.url,
      lazy: true,
      // Switching views drops the last listener for a moment: the socket waits for the next one.
      lazyCloseTimeout: 5_000,
      // Retries are ours (ended → backoff → subscribe), so every new start is seen and reloads.
      retryAttempts: 0,
      connectionParams: () => {
        const credential = options.credential();
        if (!credential) throw new Error('Signed out.');
        // A session needs no parameter: the browser sends its cookie with the upgrade.
        return credential === 'session' ? {} : { authorization: `Bearer ${credential.token}` };
      },
    });
    made.on('connected', () => {
      socketOpen = true;
      attempt = 0;
      if (running) setState('live');
      if (reloadDue) reloadAll();
    });
    made.on('closed', () => {
      socketOpen = false;
      // graphql-ws may open a new socket by itself (a normal closure while subscribed): reload then too.
      if (running) reloadDue = true;
      if (!stopped && running) setState('reconnecting');
    });
    client = made;
    return made;
  }

  function subscribe(): void {
    if (stopped || running || entries.size === 0) return;
    if (!options.credential()) { stop(); return; }
    const mine = {};
    running = mine;
    reloadDue = true;
    if (state !== 'reconnecting') setState(socketOpen ? 'live' : 'connecting');
    unsubscribe = ensureClient().subscribe<LiveEventsSubscription>({ query: LIVE_EVENTS.toString(), operationName: 'LiveEvents' }, {
      next: (result) => {
        if (running !== mine) return;
        if (result.data?.events) dispatch(toLiveEvent(result.data.events));
        else if (isRefusal(result.errors)) stop();
      },
      error: (err) => { if (running === mine) ended(err); },
      complete: () => { if (running === mine) ended(null); },
    });
    // Started again on a socket that stayed open: no `connected` will come to say so.
    if (socketOpen && running === mine) { setState('live'); reloadAll(); }
  }

  function ended(err: unknown): void {
    running = null;
    unsubscribe = null;
    if (stopped) return;
    if (isRefusal(err) || !options.credential()) { stop(); return; }
    if (entries.size === 0) { setState('idle'); return; }
    setState('reconnecting');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => { retryTimer = undefined; subscribe(); }, backoff(attempt++));
  }

  function end(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const stopRunning = unsubscribe;
    running = null;
    unsubscribe = null;
    stopRunning?.();
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    end();
    void client?.dispose();
    client = null;
    socketOpen = false;
    setState('stopped');
  }

  return {
    listen(listener, types) {
      const entry: Entry = { listener, types: types ? new Set(types) : null, connectedOnce: false };
      entries.add(entry);
      // Joining a subscription that is already live: nothing was missed, the next reload is after a gap.
      if (running && !reloadDue) entry.connectedOnce = true;
      subscribe();
      return () => {
        if (!entries.delete(entry) || entries.size > 0 || stopped) return;
        end();
        setState('idle');
      };
    },
    state: () => state,
    onState(callback) {
      stateCallbacks.add(callback);
      return () => { stateCallbacks.delete(callback); };
    },
    close: stop,
  };
}

/**
 * Gathers what comes in bursts into one call: `add(x)` merges x into what waits, and
 * `flush` gets it `delayMs` after the first add; what is added while `flush` runs waits
 * for the next one, so at most one flush runs at a time.
 */
export function batcher<T>(merge: (a: T, b: T) => T, flush: (batch: T) => Promise<void> | void, delayMs = 300): { add(item: T): void; cancel(): void } {
  let waiting: { item: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing = false;
  let cancelled = false;

  function schedule(): void {
    if (timer !== undefined || flushing || !waiting || cancelled) return;
    timer = setTimeout(() => void run(), delayMs);
  }

  async function run(): Promise<void> {
    timer = undefined;
    if (!waiting || cancelled) return;
    const { item } = waiting;
    waiting = null;
    flushing = true;
    try {
      await flush(item);
    } catch (err) {
      queueMicrotask(() => { throw err; });
    } finally {
      flushing = false;
      schedule();
    }
  }

  return {
    add(item) {
      if (cancelled) return;
      waiting = waiting ? { item: merge(waiting.item, item) } : { item };
      schedule();
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    },
  };
}
