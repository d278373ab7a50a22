/** Webhooks and their deliveries (contract: Webhook, NewWebhook, WebhookDelivery*). */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/date-time-scalar.ts';
import { PageInfo } from '../graphql/page-info.type.ts';

@ObjectType({ simpleResolvers: true })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => [String], { description: 'Event types it receives (contract/README.md, Events and webhooks).' }) events!: string[];
  @Field(() => Boolean, { description: 'False once disabled (the receiver answered 410, or deleteWebhook).' }) active!: boolean;
  @Field(() => DateTimeScalar) createdAt!: string;
  /** Resolved to the partner by the resolver (`partner`). */
  partnerId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class NewWebhook {
  @Field(() => Webhook) webhook!: Webhook;
  @Field(() => String, { description: 'whsec_ followed by base64 of the signing key; returned once, here.' }) secret!: string;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: "The event's id, the webhook-id header." }) eventId!: string;
  @Field(() => String) type!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when it got no answer.' }) lastStatus!: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastAttemptAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null once delivered or given up.' }) nextAttemptAt!: string | null;
  @Field(() => Boolean) delivered!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryEdge {
  @Field(() => String) cursor!: string;
  @Field(() => WebhookDelivery) node!: WebhookDelivery;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge]) edges!: WebhookDeliveryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
