/**
 * Webhooks as an ADMIN manages them (contract: createWebhook, deleteWebhook, webhooks,
 * webhookDeliveries, redeliver). Each write takes the webhook's lock first (LOCK_WEBHOOK)
 * and is recorded in the audit trail, in its own transaction.
 */
import { randomUUID } from 'node:crypto';
import { partnerExists } from '../access/index.ts';
import { recordAudit, type Actor } from '../audit/index.ts';
import type { Graph, Tx } from '../db/index.ts';
import { EVENT_TYPES, lastSequence, sequenceEvents } from '../events/index.ts';
import { AppError, badInput, decodeCursor, toPage, type Page, type PageArgs, type PageRow, type Problem } from '../model/index.ts';
import { urlProblems, type AddressPolicy } from './addresses.ts';
import { newWebhookSecret } from './signing.ts';
import * as Q from './webhooks.queries.ts';
import type { DeliveryRow, WebhookRow } from './webhooks.queries.ts';

export interface WebhookInput {
  url: string;
  events: readonly string[];
  /** Only events in this partner's scope are sent (contract: Events and webhooks). */
  partnerId?: string | null;
}

export interface NewWebhook {
  webhook: WebhookRow;
  /** `whsec_…`: given out here, once. */
  secret: string;
}

/**
 * Checks everything, then creates the webhook. It receives the events of writes that
 * commit after it was created: what committed before is numbered first (the sequencer
 * runs here rather than waiting for the event pump's next turn), and the webhook starts
 * after the last number.
 */
export async function createWebhook(graph: Graph, input: WebhookInput, actor: Actor, policy: AddressPolicy): Promise<NewWebhook> {
  const problems: Problem[] = [...await urlProblems(input.url, policy)];
  if (input.events.length === 0) problems.push({ path: 'events', message: `must name at least one event type: ${EVENT_TYPES.join(', ')}` });
  input.events.forEach((type, i) => {
    if (!(EVENT_TYPES as readonly string[]).includes(type)) problems.push({ path: `events[${i}]`, message: `not an event type: one of ${EVENT_TYPES.join(', ')}` });
  });
  const { partnerId = null } = input;
  if (partnerId !== null && !(await partnerExists(graph, partnerId))) problems.push({ path: 'partnerId', message: 'no partner has this id' });
  if (problems.length > 0) throw badInput(problems);

  const id = `wh_${randomUUID()}`;
  const secret = newWebhookSecret();
  while (await sequenceEvents(graph) > 0) { /* a backlog is numbered in turns */ }
  const cursor = await lastSequence(graph);
  const webhook = await graph.derivedWriteTx(async (tx) => {
    const [row] = await tx.run<{ webhook: WebhookRow }>(Q.CREATE_WEBHOOK, {
      id, url: input.url, events: [...new Set(input.events)], partnerId, secret, cursor,
    });
    await recordAudit(tx, actor, 'createWebhook', [id]);
    return row!.webhook;
  });
  return { webhook, secret };
}

export async function listWebhooks(graph: Graph): Promise<WebhookRow[]> {
  return (await graph.read<{ webhook: WebhookRow }>(Q.LIST_WEBHOOKS)).map((r) => r.webhook);
}

/** Stops an active webhook for good; false when there is none with this id. */
export async function deleteWebhook(graph: Graph, id: string, actor: Actor): Promise<boolean> {
  return graph.derivedWriteTx(async (tx) => {
    if (!(await lockWebhook(tx, id))) return false;
    const [row] = await tx.run<{ wasActive: boolean }>(Q.DEACTIVATE, { id });
    if (!row?.wasActive) return false;
    await recordAudit(tx, actor, 'deleteWebhook', [id]);
    return true;
  });
}

/** A webhook's deliveries, newest event first. NOT_FOUND when there is no such webhook. */
export async function deliveryPage(graph: Graph, webhookId: string, args: PageArgs): Promise<Page<DeliveryRow>> {
  const [after] = decodeCursor(args.after, 1) ?? [];
  const before = after === undefined ? Number.MAX_SAFE_INTEGER : Number(after);
  if (!Number.isSafeInteger(before)) {
    throw new AppError('BAD_USER_INPUT', 'The "after" cursor is not one this list gave out.', [{ path: 'after', message: 'unknown cursor' }]);
  }
  const [row] = await graph.read<PageRow<DeliveryRow>>(Q.DELIVERY_PAGE, { webhookId, before, limit: args.first + 1 });
  if (!row) throw new AppError('NOT_FOUND', 'Webhook not found.');
  return toPage(row.page, args.first, row.totalCount, (d) => [String(d.seq)]);
}

/**
 * Makes a delivery due again, now, on a fresh round of the retry schedule. It keeps its
 * place in the webhook's order: it goes out before any later event that is still
 * waiting, after any earlier one. NOT_FOUND without such a delivery; CONFLICT when its
 * webhook is no longer active.
 */
export async function redeliver(graph: Graph, deliveryId: string, actor: Actor): Promise<DeliveryRow> {
  const [owner] = await graph.read<{ webhookId: string }>(Q.DELIVERY_WEBHOOK, { id: deliveryId });
  if (!owner) throw new AppError('NOT_FOUND', 'Webhook delivery not found.');
  return graph.derivedWriteTx(async (tx) => {
    await lockWebhook(tx, owner.webhookId);
    const [row] = await tx.run<{ active: boolean; delivery: DeliveryRow }>(Q.REDELIVER, { id: deliveryId, webhookId: owner.webhookId });
    if (!row) throw new AppError('NOT_FOUND', 'Webhook delivery not found.');
    if (!row.active) throw new AppError('CONFLICT', 'The webhook of this delivery is no longer active.');
    await recordAudit(tx, actor, 'redeliver', [deliveryId]);
    return row.delivery;
  });
}

/** Takes the webhook's write lock (see LOCK_WEBHOOK); false when there is no such webhook. */
export async function lockWebhook(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.run<{ found: number }>(Q.LOCK_WEBHOOK, { id });
  return (row?.found ?? 0) > 0;
}
