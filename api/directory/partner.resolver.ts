/** The partner directory: `partner`, `partners`, and a partner's role intervals. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { EngagementRole } from '../../graph/model/index.ts';
import { partnerPage } from '../../graph/directory/index.ts';
import { pageSize, type Context } from '../graphql/context.ts';
import { Partner, PartnerConnection, PartnerFilter } from './partner.type.ts';
import { ParticipationConnection } from '../engagements/engagement.type.ts';
import { EngagementRoleEnum } from '../graphql/enums.ts';

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.partner.load(id);
  }

  @Query(() => PartnerConnection)
  partners(
    @Ctx() ctx: Context,
    @Arg('filter', () => PartnerFilter, { nullable: true }) filter?: PartnerFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return partnerPage(ctx.graph, filter ?? {}, { first: pageSize(first), after });
  }

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
