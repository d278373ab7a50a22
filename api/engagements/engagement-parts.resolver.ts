/** The links of participations, contributions, outcomes and commitments. */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { found, type Context } from '../graphql/context.ts';
import { Partner } from '../directory/index.ts';
import { Commitment, Contribution, Engagement, Outcome, Participation } from './engagement.type.ts';

type Linked = { partnerId?: string; ownerId?: string; engagementId: string };

async function partnerOf(ctx: Context, id: string) {
  return found(await ctx.loaders.partner.load(id), 'Partner');
}

async function engagementOf(ctx: Context, item: Linked) {
  return found(await ctx.loaders.engagement.load(item.engagementId), 'Engagement');
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Partner)
  partner(@Root() p: Participation, @Ctx() ctx: Context) { return partnerOf(ctx, p.partnerId); }

  @FieldResolver(() => Engagement)
  engagement(@Root() p: Participation, @Ctx() ctx: Context) { return p.engagement ?? engagementOf(ctx, p); }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => Partner)
  partner(@Root() k: Contribution, @Ctx() ctx: Context) { return partnerOf(ctx, k.partnerId); }

  @FieldResolver(() => Engagement)
  engagement(@Root() k: Contribution, @Ctx() ctx: Context) { return engagementOf(ctx, k); }
}

@Resolver(() => Outcome)
export class OutcomeResolver {
  @Query(() => Outcome, { nullable: true })
  outcome(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.outcome.load(id);
  }

  @FieldResolver(() => Engagement)
  engagement(@Root() o: Outcome, @Ctx() ctx: Context) { return engagementOf(ctx, o); }

  @FieldResolver(() => [Commitment])
  dependsOn(@Root() o: Outcome, @Ctx() ctx: Context) { return o.dependsOn ?? ctx.loaders.outcomeDependencies.load(o.id); }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Partner)
  owner(@Root() m: Commitment, @Ctx() ctx: Context) { return m.owner ?? partnerOf(ctx, m.ownerId); }

  @FieldResolver(() => Engagement)
  engagement(@Root() m: Commitment, @Ctx() ctx: Context) { return engagementOf(ctx, m); }

  @FieldResolver(() => [Commitment])
  dependsOn(@Root() m: Commitment, @Ctx() ctx: Context) { return ctx.loaders.commitmentDependencies.load(m.id); }
}
