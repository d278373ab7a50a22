/**
 * The process's webhook dispatcher: finds webhooks with something to send, takes their
 * lease in the database (graph/webhooks' dispatch steps) and sends each one's deliveries
 * in order, several webhooks at once, never on a request's path.
 *
 * It wakes when the event pump has numbered new events (a signal only: what to send is
 * always read from the database), when a waiting delivery falls due, and every
 * `pollMs`, which also notices leases of stopped processes running out.
 *
 * A holder sends its webhook's queue head first: when the head fails and waits for its
 * retry, everything after it waits too (order), the lease goes back, and the webhook is
 * picked up again when the head is due. One slow or dead receiver therefore holds one
 * of `concurrency` slots for at most the timeout per attempt and delays no other webhook.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Graph } from '../../graph/db/index.ts';
import {
  claimWebhook, dueWebhooks, newDeliveries, pendingDeliveries, recordProgress, retryDelayMs, signingKey,
  type AddressPolicy, type AttemptResult, type Outgoing, type Recorded,
} from '../../graph/webhooks/index.ts';
import type { EventPump } from '../events/index.ts';
import { setAddressPolicy } from './policy.ts';
import { createSender, type Sender } from './sender.ts';

export interface WebhookDispatcherOptions extends AddressPolicy {
  /** WEBHOOK_RETRY_SCALE: every retry delay is divided by it. */
  retryScale: number;
  /** Webhooks sent to at once by this process. */
  concurrency?: number;
  pollMs?: number;
  /** How long a lease lasts unless renewed; a holder renews it at every record. */
  leaseMs?: number;
  /** An attempt without an answer's status line within this is failed (contract: 15 s). */
  timeoutMs?: number;
  /** Deliveries read, sent and recorded together. */
  batch?: number;
  onError?: (err: unknown) => void;
}

export interface WebhookDispatcher {
  /** Looks for work now. */
  wake(): void;
  /**
   * Sends nothing more; lets attempts in flight end for STOP_GRACE_MS and cuts the rest
   * (those are sent again later), records what was done, gives the leases back.
   */
  stop(): Promise<void>;
}

/**
 * A holder records (and renews its lease) at least this often while it sends, and after
 * this many attempts: the lease (30 s) outlasts one attempt (15 s at most) and a record.
 */
const RECORD_EVERY_MS = 2_000;
const RECORD_EVERY_ATTEMPTS = 500;

/** After a failed session (the database unreachable, say), its webhook rests this long. */
const REST_AFTER_FAILURE_MS = 1_000;

/**
 * A holder whose queue is empty keeps its lease this long for the next events before it
 * gives it back: under a steady stream of writes a batch then costs one transaction (the
 * record), not two (a claim and a record), and no search for due webhooks.
 */
const LINGER_MS = 1_000;

/** How long stop() lets attempts in flight end before it cuts them. */
const STOP_GRACE_MS = 2_000;

/** Starts sending; also sets the address rule createWebhook applies for this app (policy.ts). */
export function startWebhookDispatcher(graph: Graph, pump: Pick<EventPump, 'listen' | 'seen'>, options: WebhookDispatcherOptions): WebhookDispatcher {
  setAddressPolicy(graph, { allowPrivate: options.allowPrivate });
  const concurrency = options.concurrency ?? 32;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const batch = options.batch ?? 500;
  const onError = options.onError ?? (() => {});
  const owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const sender: Sender = createSender({ allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs ?? 15_000 });

  const running = new Map<string, Promise<void>>();
  const resting = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** Pump turns with new events so far, and the holders waiting for the next one. */
  let signals = 0;
  const waiting = new Set<() => void>();

  function signal(): void {
    signals++;
    for (const notify of waiting) notify();
    waiting.clear();
  }

  /** True when a pump turn numbered events after `seen` (at once, or within `ms`); false on stop or timeout. */
  function eventsSince(seen: number, ms: number): Promise<boolean> {
    if (signals !== seen || stopped) return Promise.resolve(!stopped);
    return new Promise((resolve) => {
      const notify = () => { clearTimeout(timer); resolve(!stopped); };
      const timer = setTimeout(() => { waiting.delete(notify); resolve(false); }, ms);
      waiting.add(notify);
    });
  }

  function wake(): void {
    if (stopped) return;
    if (ticking) { again = true; return; }
    if (timer) { clearTimeout(timer); timer = null; }
    ticking = tick().catch(onError).finally(() => {
      ticking = null;
      if (again) { again = false; wake(); }
    });
  }

  function later(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; wake(); }, Math.max(0, ms));
    timer.unref();
  }

  async function tick(): Promise<void> {
    let next = pollMs;
    try {
      // The pump's last number: read from the database, all committed (and one read fewer per turn).
      const due = await dueWebhooks(graph, owner, pump.seen);
      const now = Date.now();
      for (const { id, waitMs } of due) {
        if (stopped) return;
        if (running.has(id)) continue;
        const restUntil = resting.get(id) ?? 0;
        if (restUntil > now) { next = Math.min(next, restUntil - now); continue; }
        if (waitMs > 0) { next = Math.min(next, waitMs); continue; }
        if (running.size >= concurrency) continue; // a session that ends wakes us
        resting.delete(id);
        const work = session(id)
          .catch((err: unknown) => { resting.set(id, Date.now() + REST_AFTER_FAILURE_MS); onError(err); })
          .finally(() => { running.delete(id); wake(); });
        running.set(id, work);
      }
    } finally {
      later(next);
    }
  }

  /**
   * Holds one webhook's lease and sends its queue, batch after batch, until done for now:
   * its head waits for a retry, the webhook is gone, or no new events came for LINGER_MS.
   */
  async function session(webhookId: string): Promise<void> {
    const claim = await claimWebhook(graph, webhookId, owner, leaseMs);
    if (!claim) return;
    const key = signingKey(claim.secret);
    let { cursor, sentSeq } = claim;
    let renewedAt = Date.now();
    // Whether the queue is known to be empty (everything up to sentSeq done): then there is nothing pending to read.
    let drained = false;
    for (;;) {
      const seen = signals;
      const pending: Outgoing[] = drained ? [] : await pendingDeliveries(graph, webhookId, sentSeq, batch);
      const fresh: { deliveries: Outgoing[]; cursor: number } | null = pending.length < batch
        ? await newDeliveries(graph, webhookId, claim, cursor, batch - pending.length, pump.seen) : null;
      const items: Outgoing[] = fresh ? [...pending, ...fresh.deliveries] : pending;

      // What is not recorded yet.
      let created: Outgoing[] = fresh?.deliveries ?? [];
      let nextCursor: number | null = fresh && fresh.cursor !== cursor ? fresh.cursor : null;
      let attempts: AttemptResult[] = [];
      let dropped: string[] = [];
      let doneSeq: number | null = null;
      let lastRecord = Date.now();
      const record = async (release: boolean, gone = false): Promise<Recorded> => {
        const recorded = await recordProgress(graph, {
          webhookId, owner, leaseMs, base: sentSeq, sentSeq: doneSeq, cursor: nextCursor, created, attempts, dropped, gone, release,
        });
        if (nextCursor !== null) cursor = nextCursor;
        created = []; attempts = []; dropped = []; nextCursor = null; doneSeq = null;
        sentSeq = recorded.sentSeq;
        lastRecord = renewedAt = Date.now();
        return recorded;
      };

      let stop: 'wait' | 'gone' | 'stopping' | 'reread' | null = null;
      for (const item of items) {
        if (stopped) { stop = 'stopping'; break; }
        if (item.waitMs > 0) { stop = 'wait'; break; }
        if (item.body === null) { dropped.push(item.id); doneSeq = item.seq; continue; }
        const at = new Date().toISOString();
        const result = await sender.send(claim.url, key, item.eventId, item.body);
        if (result.aborted) { stop = 'stopping'; break; }
        const delivered = result.status !== null && result.status >= 200 && result.status < 300;
        const gone = result.status === 410;
        const retryInMs = delivered || gone ? null : retryDelayMs(item.roundAttempts + 1, options.retryScale);
        attempts.push({ id: item.id, status: result.status, at, delivered, retryInMs });
        if (gone) { stop = 'gone'; break; }
        if (retryInMs !== null) { stop = 'wait'; break; }
        doneSeq = item.seq; // delivered, or given up after its last attempt: the next one may go
        if (attempts.length >= RECORD_EVERY_ATTEMPTS || Date.now() - lastRecord >= RECORD_EVERY_MS) {
          const recorded = await record(false);
          if (!recorded.held || !recorded.active) return;
          if (recorded.lowered) { stop = 'reread'; break; }
        }
      }
      if (stop === 'reread') { drained = false; continue; } // recorded just now
      const more: boolean = stop === null && items.length >= batch;
      const linger: boolean = stop === null && !more;
      drained = linger; // every item sent and done; a redelivery meanwhile shows as `lowered`
      const unchanged = items.length === 0 && nextCursor === null;
      // Nothing to record and the lease far from its end: no transaction at all.
      if (!(linger && unchanged && Date.now() - renewedAt < leaseMs / 3)) {
        const release = !more && !linger;
        const recorded = await record(release, stop === 'gone');
        if (!recorded.held || !recorded.active || release) return;
        if (recorded.lowered) { drained = false; continue; } // a redelivery came in meanwhile: read the queue again
      }
      if (more) continue;
      if (await eventsSince(seen, LINGER_MS)) continue;
      await record(true); // idle, or stopping: the lease goes back
      return;
    }
  }

  const unlisten = pump.listen(() => { signal(); wake(); });
  later(0);
  return {
    wake,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      unlisten();
      signal(); // lingering holders give their leases back
      await ticking;
      // Attempts in flight may end (a healthy receiver answers in milliseconds) and be
      // recorded, so the next holder does not send them again; a slow one is cut.
      const sessions = Promise.allSettled([...running.values()]);
      const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([sessions, grace]);
      sender.close();
      await sessions;
    },
  };
}
