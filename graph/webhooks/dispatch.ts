/**
 * The database steps of delivering webhooks; api/webhooks' dispatcher runs them and
 * makes the HTTP requests. Who sends to a webhook is decided in the database, never in
 * a process's memory only: a lease on the Webhook node (`leaseOwner`, `leaseUntil`),
 * taken and renewed under the node's write lock. One process at a time holds it, so
 * with any number of API processes on one database each event goes to each webhook
 * once, in order; a process that dies stops renewing, its lease expires, and the next
 * holder starts again at the first delivery not recorded as done (at least once: the
 * `webhook-id` is the event's id, the same on every attempt).
 *
 * A holder works in batches: the pending deliveries (the queue's head), then events
 * numbered after the cursor as new deliveries, not yet stored; after sending, one
 * transaction stores the new deliveries, the attempts, the cursor and the queue's start,
 * and renews or releases the lease.
 */
import { createHash } from 'node:crypto';
import type { Graph } from '../db/index.ts';
import { eventBody, eventsAfter, lastSequence, type EventType, type StoredEvent } from '../events/index.ts';
import { lockWebhook } from './webhooks.ts';
import * as Q from './webhooks.queries.ts';

/** A webhook with something to do; `waitMs` > 0: its queue's head is due that much later. */
export interface DueWebhook {
  id: string;
  waitMs: number;
}

/** `last`: the last event number known to be committed (graph/events' lastSequence when not given). */
export async function dueWebhooks(graph: Graph, owner: string, last?: number): Promise<DueWebhook[]> {
  return graph.read<DueWebhook>(Q.DUE_WEBHOOKS, { owner, last: last ?? await lastSequence(graph) });
}

/** What the lease holder needs to send. */
export interface Claim {
  url: string;
  secret: string;
  events: EventType[];
  partnerId: string | null;
  cursor: number;
  sentSeq: number;
}

/** Takes the webhook's lease for `leaseMs`; null when it is inactive or another holder's lease runs. */
export async function claimWebhook(graph: Graph, id: string, owner: string, leaseMs: number): Promise<Claim | null> {
  return graph.derivedWriteTx(async (tx) => {
    if (!(await lockWebhook(tx, id))) return null;
    const [row] = await tx.run<{ free: boolean; webhook: Claim }>(Q.CLAIM, { id, owner, leaseMs });
    return row?.free ? row.webhook : null;
  });
}

/** One delivery to send: stored already (pending), or new from the events after the cursor. */
export interface Outgoing {
  id: string;
  eventId: string;
  seq: number;
  type: string;
  /** Failed attempts in its current round of the retry schedule. */
  roundAttempts: number;
  /** 0: due now. */
  waitMs: number;
  /** The exact request body; null when the event no longer exists. */
  body: string | null;
  stored: boolean;
}

/** The queue's head: pending deliveries after `after` (the queue's start), in order. */
export async function pendingDeliveries(graph: Graph, webhookId: string, after: number, limit: number): Promise<Outgoing[]> {
  const rows = await graph.read<Omit<Outgoing, 'body' | 'stored'> & { event: Pick<StoredEvent, 'type' | 'timestamp' | 'data'> | null }>(
    Q.PENDING_DELIVERIES, { id: webhookId, after, limit });
  return rows.map(({ event, ...d }) => ({ ...d, body: event ? eventBody(event) : null, stored: true }));
}

/**
 * The webhook's events after `cursor` (its types, its partner's scope), at most
 * `limit`, as new deliveries, and the cursor once they are stored. The cursor moves
 * past events the webhook does not receive too, so a webhook that receives few types
 * never reads the same events twice; it stops at `upTo`, a number known before the
 * events are read to be committed with everything before it (numbers are given in
 * committed ranges, one after another: graph/events' sequencer), so no event at or
 * below it can appear later. Without `upTo`, the last number now.
 */
export async function newDeliveries(
  graph: Graph, webhookId: string, claim: Pick<Claim, 'events' | 'partnerId'>, cursor: number, limit: number, known?: number,
): Promise<{ deliveries: Outgoing[]; cursor: number }> {
  const upTo = known ?? await lastSequence(graph);
  if (upTo <= cursor || limit <= 0) return { deliveries: [], cursor };
  const events = await eventsAfter(graph, { after: cursor, types: claim.events, scope: claim.partnerId, limit });
  const within = events.filter((e) => e.seq <= upTo);
  const complete = events.length < limit || within.length < events.length;
  return {
    deliveries: within.map((e) => ({
      id: deliveryId(webhookId, e.id), eventId: e.id, seq: e.seq, type: e.type, roundAttempts: 0, waitMs: 0, body: eventBody(e), stored: false,
    })),
    cursor: complete ? upTo : within.at(-1)!.seq,
  };
}

/**
 * One id per (webhook, event): were a delivery ever made twice, the unique constraint
 * on WebhookDelivery.id would refuse the second.
 */
function deliveryId(webhookId: string, eventId: string): string {
  return `whd_${createHash('sha256').update(`${webhookId} ${eventId}`).digest('hex').slice(0, 32)}`;
}

/** One attempt's result. */
export interface AttemptResult {
  id: string;
  /** The answer's HTTP status; null when none came (refused, timed out, cut). */
  status: number | null;
  /** When it was sent, ISO 8601. */
  at: string;
  delivered: boolean;
  /** When to try again; null: delivered, given up, or the webhook is gone. */
  retryInMs: number | null;
}

export interface Progress {
  webhookId: string;
  owner: string;
  leaseMs: number;
  /** The queue's start the holder read its batch from. */
  base: number;
  /** The new start: the last delivery of the batch that is done, in order; null: unchanged. */
  sentSeq: number | null;
  /** The cursor after `created`; null: unchanged. */
  cursor: number | null;
  created: Outgoing[];
  attempts: AttemptResult[];
  /** Deliveries whose event no longer exists. */
  dropped: string[];
  /** The receiver answered 410: the webhook stops. */
  gone: boolean;
  /** Done for now: the lease is given back, else renewed. */
  release: boolean;
}

export interface Recorded {
  /** False: the lease had expired and another holder took it; nothing was recorded. */
  held: boolean;
  active: boolean;
  /** The queue's start now. */
  sentSeq: number;
  /** A redelivery moved the queue's start back meanwhile: the holder reads its queue again. */
  lowered: boolean;
}

/** Records a batch in one transaction, if the lease is still the holder's. */
export async function recordProgress(graph: Graph, p: Progress): Promise<Recorded> {
  return graph.derivedWriteTx(async (tx) => {
    if (!(await lockWebhook(tx, p.webhookId))) return { held: false, active: false, sentSeq: p.base, lowered: false };
    const [state] = await tx.run<{ held: boolean; active: boolean; sentSeq: number }>(Q.LEASE_STATE, { id: p.webhookId, owner: p.owner });
    if (!state?.held) return { held: false, active: false, sentSeq: p.base, lowered: false };
    const id = p.webhookId;
    if (p.created.length > 0) {
      await tx.run(Q.CREATE_DELIVERIES, { id, deliveries: p.created.map((d) => ({ id: d.id, eventId: d.eventId, seq: d.seq, type: d.type })) });
    }
    if (p.attempts.length > 0) await tx.run(Q.RECORD_ATTEMPTS, { attempts: p.attempts, owner: p.owner });
    if (p.dropped.length > 0) await tx.run(Q.DROP_DELIVERIES, { ids: p.dropped });
    const lowered = state.sentSeq < p.base;
    const sentSeq = lowered ? null : p.sentSeq;
    const active = state.active && !p.gone;
    await tx.run(Q.ADVANCE, { id, cursor: p.cursor, sentSeq, release: p.release || !active, owner: p.owner, leaseMs: p.leaseMs });
    if (!active) await tx.run(Q.DEACTIVATE, { id });
    return { held: true, active, sentSeq: sentSeq ?? state.sentSeq, lowered };
  });
}
