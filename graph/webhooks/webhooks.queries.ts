/**
 * Webhooks and their deliveries. Not ecosystem data: every write here goes through
 * `Graph.derivedWriteTx`, so no cached answer is dropped for a delivery's bookkeeping.
 *
 *   (:Webhook {id, url, events, partnerId, secret, active, createdAt,
 *              cursor, sentSeq, leaseOwner, leaseUntil})
 *   (:WebhookDelivery {id, webhookId, eventId, seq, type, attempts, roundAttempts,
 *                      lastStatus, lastAttemptAt, lastSender, nextAttemptAt, delivered, createdAt})
 *
 * `cursor` is the number (graph/events' sequence) of the last event the webhook has
 * looked at: every event after it that the webhook receives becomes a delivery, in
 * order. `sentSeq` is where its queue starts: every delivery up to it is done (delivered
 * or given up). A delivery is pending while `nextAttemptAt` is set. Deliveries are read
 * on the (webhookId, seq) index.
 */

/** The webhook as the API shows it: never its secret. */
const WEBHOOK_FIELDS = 'w {.id, .url, .events, .partnerId, .active, createdAt: toString(w.createdAt)}';

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  partnerId: string | null;
  active: boolean;
  createdAt: string;
}

/**
 * The secret is stored as it was given out: it is the key every delivery is signed
 * with, so unlike an API token it cannot be kept as a hash. Only this node holds it;
 * no statement that answers the API returns it.
 */
export const CREATE_WEBHOOK = `
CREATE (w:Webhook {
  id: $id, url: $url, events: $events, partnerId: $partnerId, secret: $secret, active: true, createdAt: datetime(),
  cursor: $cursor, sentSeq: $cursor
})
RETURN ${WEBHOOK_FIELDS} AS webhook`;

export const LIST_WEBHOOKS = `
MATCH (w:Webhook)
RETURN ${WEBHOOK_FIELDS} AS webhook
ORDER BY w.createdAt, w.id`;

/**
 * Takes the webhook's write lock and reads nothing (but the id it is found by, which
 * never changes). Every statement that decides on a webhook's state (its lease, cursor,
 * queue start, whether it is active) runs after this one, in the same transaction: a
 * statement that read those and then waited for the lock would go on with the values
 * it read before the wait (graph/events' sequencer measured exactly that).
 */
export const LOCK_WEBHOOK = `
MATCH (w:Webhook {id: $id})
SET w.locked = true
RETURN count(w) AS found`;

/**
 * Run under the lock: the webhook stops for good, and its pending deliveries are no
 * longer due. Its secret goes too: nothing will be signed with it again. (A sender that
 * holds the lease finds the webhook inactive when it next records, and stops.)
 */
export const DEACTIVATE = `
MATCH (w:Webhook {id: $id})
WITH w, w.active AS wasActive
SET w.active = false, w.secret = null
WITH w, wasActive
CALL (w) {
  MATCH (d:WebhookDelivery)
  WHERE d.webhookId = w.id AND d.seq > w.sentSeq AND d.nextAttemptAt IS NOT NULL
  SET d.nextAttemptAt = null
}
RETURN wasActive`;

export interface DeliveryRow {
  id: string;
  eventId: string;
  type: string;
  seq: number;
  attempts: number;
  lastStatus: number | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  delivered: boolean;
}

const DELIVERY_FIELDS = `d {.id, .eventId, .type, .seq, .attempts, .lastStatus, .delivered,
  lastAttemptAt: toString(d.lastAttemptAt), nextAttemptAt: toString(d.nextAttemptAt)}`;

/** Newest event first; `$before` is the seq of the last delivery seen (a huge number for the first page). */
export const DELIVERY_PAGE = `
MATCH (w:Webhook {id: $webhookId})
CALL (w) {
  MATCH (d:WebhookDelivery) WHERE d.webhookId = w.id AND d.seq >= 0
  RETURN count(d) AS totalCount
}
CALL (w) {
  MATCH (d:WebhookDelivery) WHERE d.webhookId = w.id AND d.seq < $before
  WITH d ORDER BY d.seq DESC LIMIT $limit
  RETURN collect(${DELIVERY_FIELDS}) AS page
}
RETURN totalCount, page`;

/** A delivery's webhook: both ids never change, so this may be read before the lock. */
export const DELIVERY_WEBHOOK = `
MATCH (d:WebhookDelivery {id: $id})
RETURN d.webhookId AS webhookId`;

/**
 * Run under the webhook's lock: the delivery is due now, on a new round of the retry
 * schedule, and the queue starts at it again when it had passed it.
 */
export const REDELIVER = `
MATCH (w:Webhook {id: $webhookId}), (d:WebhookDelivery {id: $id})
WITH w, d, w.active AS active
CALL (w, d, active) {
  WITH w, d WHERE active
  SET d.nextAttemptAt = datetime(), d.roundAttempts = 0,
      w.sentSeq = CASE WHEN d.seq <= w.sentSeq THEN d.seq - 1 ELSE w.sentSeq END
}
RETURN active, ${DELIVERY_FIELDS} AS delivery`;

// ---------------------------------------------------------------------------------
// The dispatcher's steps (dispatch.ts)

/**
 * Active webhooks another process does not hold, that have something to do: the head of
 * their queue (its first pending delivery) and how long until it is due, or, with an
 * empty queue, events numbered after their cursor. A head that waits for its retry
 * holds back everything after it: events for one webhook go out in order.
 */
export const DUE_WEBHOOKS = `
MATCH (w:Webhook)
WHERE w.active = true AND (w.leaseOwner IS NULL OR w.leaseOwner = $owner OR w.leaseUntil < datetime())
WITH w, COLLECT {
  MATCH (d:WebhookDelivery)
  WHERE d.webhookId = w.id AND d.seq > w.sentSeq AND d.nextAttemptAt IS NOT NULL
  WITH d ORDER BY d.seq LIMIT 1
  RETURN d.nextAttemptAt
}[0] AS head
WHERE head IS NOT NULL OR w.cursor < $last
RETURN w.id AS id,
       CASE WHEN head IS NULL OR head <= datetime() THEN 0 ELSE head.epochMillis - datetime().epochMillis END AS waitMs`;

/**
 * Run under the lock: takes the lease when the webhook is active and nobody else holds
 * an unexpired one, and answers what a sender needs.
 */
export const CLAIM = `
MATCH (w:Webhook {id: $id})
WITH w, w.active = true AND (w.leaseOwner IS NULL OR w.leaseOwner = $owner OR w.leaseUntil < datetime()) AS free
SET w.leaseOwner = CASE WHEN free THEN $owner ELSE w.leaseOwner END,
    w.leaseUntil = CASE WHEN free THEN datetime() + duration({milliseconds: $leaseMs}) ELSE w.leaseUntil END
RETURN free, w {.url, .secret, .events, .partnerId, .cursor, .sentSeq} AS webhook`;

/**
 * The queue's head: pending deliveries after `$after`, in order, with their events (the
 * event gone, `event` is null) and how long until each is due.
 */
export const PENDING_DELIVERIES = `
MATCH (d:WebhookDelivery)
WHERE d.webhookId = $id AND d.seq > $after AND d.nextAttemptAt IS NOT NULL
WITH d ORDER BY d.seq LIMIT $limit
OPTIONAL MATCH (ev:Event {id: d.eventId})
RETURN d.id AS id, d.eventId AS eventId, d.seq AS seq, d.type AS type, d.roundAttempts AS roundAttempts,
       CASE WHEN d.nextAttemptAt <= datetime() THEN 0 ELSE d.nextAttemptAt.epochMillis - datetime().epochMillis END AS waitMs,
       CASE WHEN ev IS NULL THEN null ELSE ev {.type, timestamp: toString(ev.at), .data} END AS event
ORDER BY seq`;

/** Run under the lock: is the lease still ours, is the webhook active, where does its queue start. */
export const LEASE_STATE = `
MATCH (w:Webhook {id: $id})
RETURN w.leaseOwner = $owner AS held, w.active = true AS active, w.sentSeq AS sentSeq`;

/** New deliveries, due at once. */
export const CREATE_DELIVERIES = `
UNWIND $deliveries AS n
CREATE (:WebhookDelivery {
  id: n.id, webhookId: $id, eventId: n.eventId, seq: n.seq, type: n.type,
  attempts: 0, roundAttempts: 0, delivered: false, nextAttemptAt: datetime(), createdAt: datetime()
})`;

/**
 * Attempts made: the answer's status (null: none came), delivered on a 2xx, the next
 * attempt `retryInMs` from now, or none (delivered, given up, or the webhook is gone);
 * `lastSender` names the process (the lease holder) that made the last one.
 */
export const RECORD_ATTEMPTS = `
UNWIND $attempts AS a
MATCH (d:WebhookDelivery {id: a.id})
SET d.attempts = d.attempts + 1, d.roundAttempts = d.roundAttempts + 1,
    d.lastStatus = a.status, d.lastAttemptAt = datetime(a.at), d.lastSender = $owner,
    d.delivered = d.delivered OR a.delivered,
    d.nextAttemptAt = CASE WHEN a.retryInMs IS NULL THEN null ELSE datetime() + duration({milliseconds: a.retryInMs}) END`;

/** Deliveries whose event no longer exists: nothing to send, no longer due. */
export const DROP_DELIVERIES = `
UNWIND $ids AS id
MATCH (d:WebhookDelivery {id: id})
SET d.nextAttemptAt = null`;

/**
 * Run under the lock, the lease held: moves the cursor and the queue's start, and renews
 * or releases the lease.
 */
export const ADVANCE = `
MATCH (w:Webhook {id: $id})
SET w.cursor = coalesce($cursor, w.cursor),
    w.sentSeq = coalesce($sentSeq, w.sentSeq),
    w.leaseOwner = CASE WHEN $release THEN null ELSE $owner END,
    w.leaseUntil = CASE WHEN $release THEN null ELSE datetime() + duration({milliseconds: $leaseMs}) END`;
