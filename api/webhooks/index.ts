/**
 * Webhooks, GraphQL side and process side: the ADMIN's queries and mutations, and the
 * dispatcher that sends deliveries from this process (started and stopped by api/app.ts).
 * The area's only door: nothing outside api/webhooks/ imports its other files.
 */
import { WebhookResolver } from './webhook.resolver.ts';

export { startWebhookDispatcher } from './dispatcher.ts';
export type { WebhookDispatcher, WebhookDispatcherOptions } from './dispatcher.ts';

export const webhooksResolvers = [WebhookResolver] as const;
