/** `webhooks`, `webhookDeliveries`, `createWebhook`, `deleteWebhook`, `redeliver`: ADMIN only (contract: Events and webhooks). */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createWebhook, deleteWebhook, deliveryPage, listWebhooks, redeliver } from '../../graph/webhooks/index.ts';
import { Partner } from '../directory/index.ts';
import { pageSize, requireAdmin, type Context } from '../graphql/context.ts';
import { addressPolicyOf } from './policy.ts';
import { NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryConnection } from './webhook.type.ts';

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'ADMIN only.' })
  webhooks(@Ctx() ctx: Context) {
    requireAdmin(ctx);
    return listWebhooks(ctx.graph);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'ADMIN only; newest first.' })
  webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    requireAdmin(ctx);
    return deliveryPage(ctx.graph, webhookId, { first: pageSize(first), after });
  }

  @Mutation(() => NewWebhook, { description: 'ADMIN only. url: http or https (contract/README.md, Events and webhooks).' })
  createWebhook(
    @Ctx() ctx: Context,
    @Arg('url', () => String) url: string,
    @Arg('events', () => [String]) events: string[],
    @Arg('partnerId', () => ID, { nullable: true }) partnerId?: string | null,
  ) {
    requireAdmin(ctx);
    return createWebhook(ctx.graph, { url, events, partnerId }, ctx.principal, addressPolicyOf(ctx.graph));
  }

  @Mutation(() => Boolean)
  deleteWebhook(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    requireAdmin(ctx);
    return deleteWebhook(ctx.graph, id, ctx.principal);
  }

  @Mutation(() => WebhookDelivery, { description: "ADMIN only: sends the delivery's event again as a new attempt." })
  redeliver(@Ctx() ctx: Context, @Arg('deliveryId', () => ID) deliveryId: string) {
    requireAdmin(ctx);
    return redeliver(ctx.graph, deliveryId, ctx.principal);
  }

  // The directory is everyone's to read; the loader batches the webhooks' partners into one read.
  @FieldResolver(() => Partner, { nullable: true, description: "When set, only events about that partner's scope are sent." })
  partner(@Root() webhook: Webhook, @Ctx() ctx: Context) {
    return webhook.partnerId ? ctx.loaders.partner.load(webhook.partnerId) : null;
  }
}
