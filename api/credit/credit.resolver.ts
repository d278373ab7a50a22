/** Credit: `attribution` (within the caller's scope) and `ecosystemHealth` (not for PARTNER tokens). */
import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { attribution, ecosystemHealth, sourcedConflicts } from '../../graph/credit/index.ts';
import type { DealConflictRow } from '../../graph/deals/index.ts';
import type { AttributionModel } from '../../graph/model/index.ts';
import { DealConflict } from '../deals/index.ts';
import { Partner } from '../directory/index.ts';
import { found, refusePartner, type Context } from '../graphql/context.ts';
import { AttributionModelEnum } from '../graphql/enums.ts';
import { AttributionShare, EcosystemHealth } from './credit.type.ts';

@Resolver()
export class CreditResolver {
  @Query(() => [AttributionShare])
  async attribution(
    @Ctx() ctx: Context,
    @Arg('engagementId', () => ID) engagementId: string,
    @Arg('model', () => AttributionModelEnum, { defaultValue: 'LINEAR' }) model: AttributionModel,
    @Arg('halfLifeDays', () => Float, { nullable: true, defaultValue: 7 }) halfLifeDays?: number | null,
  ) {
    const row = found(await attribution(ctx.graph, ctx.scope, engagementId, model, halfLifeDays ?? 7), 'Engagement');
    // One statement for every share's sourcedConflicts, and none unless one is asked for.
    let conflicts: Promise<Map<string, DealConflictRow[]>> | undefined;
    const conflictsOfEngagement = () => (conflicts ??= sourcedConflicts(ctx.graph, ctx.scope, engagementId, ctx.today));
    return row.shares.map((s) => ({
      partnerId: s.partnerId, share: s.share, amount: row.value === null ? null : s.share * row.value, conflictsOfEngagement,
    }));
  }

  @Query(() => EcosystemHealth)
  ecosystemHealth(@Ctx() ctx: Context) {
    refusePartner(ctx, 'ecosystemHealth');
    return ecosystemHealth(ctx.graph);
  }
}

@Resolver(() => AttributionShare)
export class AttributionShareResolver {
  @FieldResolver(() => Partner)
  async partner(@Root() share: AttributionShare, @Ctx() ctx: Context) {
    return found(await ctx.loaders.partner.load(share.partnerId), 'Partner');
  }

  @FieldResolver(() => [DealConflict], {
    description: "This partner's SOURCED touches on the engagement that fall in another partner's APPROVED deal registration "
      + '(SOURCED_AGAINST_REGISTRATION, exactly as dealConflicts finds them; ordered the same way). Beyond the contract: '
      + 'credit disputes shown where credit is. A PARTNER token sees only its own registrations in them.',
  })
  async sourcedConflicts(@Root() share: AttributionShare) {
    return (await share.conflictsOfEngagement()).get(share.partnerId) ?? [];
  }
}
