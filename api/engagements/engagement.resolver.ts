/** `engagement`, `engagements` and an engagement's fields, within the caller's scope. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { engagementPage } from '../../graph/engagements/index.ts';
import { found, pageSize, wantsTotal, type Context } from '../graphql/context.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { CapabilityRequirement, Customer, Partner } from '../directory/index.ts';
import {
  Commitment, Contribution, Engagement, EngagementConnection, EngagementFilter, Outcome, Participation,
} from './engagement.type.ts';

@Resolver(() => Engagement)
export class EngagementResolver {
  @Query(() => Engagement, { nullable: true })
  engagement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.engagement.load(id);
  }

  @Query(() => EngagementConnection)
  engagements(
    @Ctx() ctx: Context,
    @Arg('filter', () => EngagementFilter, { nullable: true }) filter?: EngagementFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return engagementPage(ctx.graph, ctx.scope, filter ?? {}, { first: pageSize(first), after, withTotal: wantsTotal(ctx, 'EngagementConnection') }, ctx.loaders.fields('Engagement'));
  }

  @FieldResolver(() => Customer)
  customer(@Root() e: Engagement, @Ctx() ctx: Context) {
    return e.customer ?? ctx.loaders.customer.load(e.customerId).then((c) => found(c, 'Customer'));
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner whose ORCHESTRATOR interval contains `asOf` (default: today); null when none does.' })
  async orchestrator(@Root() e: Engagement, @Ctx() ctx: Context, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null) {
    const inForce = await ctx.loaders.participantsOn.load({ engagementId: e.id, asOf: asOf ?? ctx.today });
    const orchestrator = inForce.find((p) => p.role === 'ORCHESTRATOR');
    return orchestrator ? ctx.loaders.partner.load(orchestrator.partnerId) : null;
  }

  @FieldResolver(() => [Participation], { description: 'Intervals in force on `asOf` (default: today).' })
  participants(@Root() e: Engagement, @Ctx() ctx: Context, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null) {
    return ctx.loaders.participantsOn.load({ engagementId: e.id, asOf: asOf ?? ctx.today });
  }

  @FieldResolver(() => [Participation], { description: 'Every role interval of this engagement, ordered by `from`, then partner id.' })
  roleHistory(@Root() e: Engagement, @Ctx() ctx: Context) {
    return ctx.loaders.roleHistory.load(e.id);
  }

  @FieldResolver(() => [CapabilityRequirement])
  requirements(@Root() e: Engagement, @Ctx() ctx: Context) {
    return ctx.loaders.requirementsOf.load(e.id);
  }

  @FieldResolver(() => [Contribution])
  contributions(@Root() e: Engagement, @Ctx() ctx: Context) {
    return ctx.loaders.contributionsOf.load(e.id);
  }

  @FieldResolver(() => [Outcome])
  outcomes(@Root() e: Engagement, @Ctx() ctx: Context) {
    return e.outcomes ?? ctx.loaders.outcomesOf.load(e.id);
  }

  @FieldResolver(() => [Commitment])
  commitments(@Root() e: Engagement, @Ctx() ctx: Context) {
    return ctx.loaders.commitmentsOf.load(e.id);
  }
}
