/**
 * The directory's ways into engagements: a customer's engagements and a partner's role
 * intervals. They live with the engagements they page through, so the directory area
 * needs nothing from this one.
 */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EngagementRole } from '../../graph/model/index.ts';
import { Customer, Partner } from '../directory/index.ts';
import { pageSize, type Context } from '../graphql/context.ts';
import { EngagementRoleEnum } from '../graphql/enums.ts';
import { EngagementConnection, ParticipationConnection } from './engagement.type.ts';

@Resolver(() => Customer)
export class CustomerEngagementsResolver {
  @FieldResolver(() => EngagementConnection)
  engagements(
    @Root() c: Customer,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.loaders.customerEngagements.load({ customerId: c.id, first: pageSize(first), after: after ?? null });
  }
}

@Resolver(() => Partner)
export class PartnerParticipationsResolver {
  /**
   * Every role interval, newest first. A PARTNER token sees the intervals of the
   * engagements in its scope (its own, all of them).
   */
  @FieldResolver(() => ParticipationConnection, { description: 'Every role interval this partner has held, newest first; `role` filters.' })
  participations(
    @Root() partner: Partner,
    @Ctx() ctx: Context,
    @Arg('role', () => EngagementRoleEnum, { nullable: true }) role?: EngagementRole | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.loaders.partnerParticipations.load({ partnerId: partner.id, role: role ?? null, first: pageSize(first), after: after ?? null });
  }
}
