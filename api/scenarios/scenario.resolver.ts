/** `scenario`: the ecosystem as if partners left, joined or took over orchestration (ADMIN and ANALYST). */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CoverageCellRow } from '../../graph/gaps/index.ts';
import type { PartnerInput as PartnerData } from '../../graph/model/index.ts';
import { scenario } from '../../graph/scenarios/index.ts';
import { CoverageInput } from '../gaps/index.ts';
import { Engagement } from '../engagements/index.ts';
import { refusePartner, type Context } from '../graphql/context.ts';
import { ScenarioInput, ScenarioResult } from './scenario.type.ts';

function toCell(row: CoverageCellRow | null) {
  return row && {
    region: row.region, industry: row.industry, capability: row.capability, demand: row.demand,
    supply: row.partners.length, status: row.status, partnerIds: row.partners,
  };
}

@Resolver(() => ScenarioResult)
export class ScenarioResolver {
  @Query(() => ScenarioResult, { description: 'What the ecosystem would look like after the changes; nothing is written (contract/README.md, Scenarios). ADMIN and ANALYST.' })
  async scenario(
    @Ctx() ctx: Context,
    @Arg('input', () => ScenarioInput) input: ScenarioInput,
    @Arg('coverage', () => CoverageInput, { nullable: true }) coverage?: CoverageInput | null,
  ) {
    refusePartner(ctx, 'scenario');
    const row = await scenario(ctx.graph, {
      exits: input.exits ?? null,
      // type-graphql hands over class instances; the import's validator reads plain JSON.
      joins: input.joins ? (JSON.parse(JSON.stringify(input.joins)) as PartnerData[]) : null,
      handovers: input.handovers ?? null,
    }, coverage ?? {}, ctx.today);
    // The `after` cells name joining partners, which the store does not hold: this
    // request's partner loader answers them as the changed graph held them. Only this
    // request's loader (the caller's own input); nothing is stored.
    for (const p of row.joined) ctx.loaders.partner.clear(p.id).prime(p.id, p);
    return {
      coverage: row.coverage.map((c) => ({ before: toCell(c.before), after: toCell(c.after) })),
      healthBefore: row.healthBefore, healthAfter: row.healthAfter,
      orphanedIds: row.orphanedEngagements, adoptedIds: row.adoptedEngagements,
    };
  }

  @FieldResolver(() => [Engagement], { description: 'PLANNED or ACTIVE engagements with an orchestrator today and none after the changes, by id.' })
  orphanedEngagements(@Root() result: ScenarioResult, @Ctx() ctx: Context) {
    return engagements(ctx, result.orphanedIds);
  }

  @FieldResolver(() => [Engagement], { description: 'PLANNED or ACTIVE engagements without an orchestrator today that have one after the changes, by id.' })
  adoptedEngagements(@Root() result: ScenarioResult, @Ctx() ctx: Context) {
    return engagements(ctx, result.adoptedIds);
  }
}

async function engagements(ctx: Context, ids: string[]) {
  return (await ctx.loaders.engagement.loadMany(ids)).filter((e) => e !== null && !(e instanceof Error));
}
