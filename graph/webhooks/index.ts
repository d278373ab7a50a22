/**
 * Webhooks: where events are sent (contract: Events and webhooks), what may be a target
 * (addresses.ts), how requests are signed (signing.ts) and retried (schedule.ts), the
 * ADMIN's operations (webhooks.ts), and the database steps of delivering them in order,
 * at least once, from any number of API processes (dispatch.ts).
 *
 * The area's only door: nothing outside graph/webhooks/ imports its other files.
 */
export { addressLiteral, checkedLookup, isForbiddenAddress } from './addresses.ts';
export type { AddressPolicy } from './addresses.ts';
export { claimWebhook, dueWebhooks, newDeliveries, pendingDeliveries, recordProgress } from './dispatch.ts';
export type { AttemptResult, Claim, DueWebhook, Outgoing, Progress, Recorded } from './dispatch.ts';
export { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from './schedule.ts';
export { signature, signingKey } from './signing.ts';
export { createWebhook, deleteWebhook, deliveryPage, listWebhooks, redeliver } from './webhooks.ts';
export type { NewWebhook, WebhookInput } from './webhooks.ts';
export type { DeliveryRow, WebhookRow } from './webhooks.queries.ts';
