/** accountability, missedOutcomes and Partner.trackRecord (contract: Accountability). */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../graph/model/index.ts';
import { accountability, missedOutcomePage } from '../../graph/accountability/index.ts';
import { found, pageSize, type Context } from '../graphql/context.ts';
import {
  Accountability, OutcomeConnection, OutcomeFilter, ResponsibleParty, TrackRecord,
} from './accountability.type.ts';
import { Partner } from '../directory/index.ts';

@Resolver(() => Accountability)
export class AccountabilityResolver {
  @Query(() => Accountability)
  async accountability(@Arg('outcomeId', () => ID) outcomeId: string, @Ctx() ctx: Context) {
    return found(await accountability(ctx.graph, ctx.scope, outcomeId), 'Outcome');
  }

  @Query(() => OutcomeConnection, { description: 'MISSED and PARTIALLY_MET outcomes, dueDate descending, then id.' })
  missedOutcomes(
    @Ctx() ctx: Context,
    @Arg('filter', () => OutcomeFilter, { nullable: true }) filter?: OutcomeFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return missedOutcomePage(ctx.graph, ctx.scope, filter ?? {}, { first: pageSize(first), after });
  }

  @FieldResolver(() => Partner, { nullable: true, description: "The orchestrator whose interval contains the outcome's dueDate; null when none did (an orchestration gap)." })
  accountable(@Root() a: Accountability, @Ctx() ctx: Context) {
    return a.accountableId ? ctx.loaders.partner.load(a.accountableId) : null;
  }
}

@Resolver(() => ResponsibleParty)
export class ResponsiblePartyResolver {
  @FieldResolver(() => Partner)
  async partner(@Root() r: ResponsibleParty, @Ctx() ctx: Context) {
    return found(await ctx.loaders.partner.load(r.partnerId), 'Partner');
  }
}

@Resolver(() => Partner)
export class TrackRecordResolver {
  @FieldResolver(() => TrackRecord, { description: 'Outcome and commitment record split by the role held. Visible to ADMIN, ANALYST and the partner itself.' })
  async trackRecord(@Root() p: Partner, @Ctx() ctx: Context) {
    if (ctx.principal.role === 'PARTNER' && ctx.principal.partnerId !== p.id) {
      throw new AppError('FORBIDDEN', "A PARTNER token may read its own partner's track record only.");
    }
    return found(await ctx.loaders.trackRecord.load(p.id), 'Partner');
  }
}
