/** Gaps: coverageGaps, engagementGaps, exitImpact. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { coverageCells, exitImpact, engagementGaps } from '../../graph/gaps/index.ts';
import type { CoverageCellRow } from '../../graph/gaps/index.ts';
import { found, pageSize, refusePartner, type Context } from '../graphql/context.ts';
import { CapabilityGap, CoverageCell, CoverageInput, EngagementGapReport, ExitImpact } from './gaps.type.ts';
import { Partner } from '../directory/index.ts';
import { Commitment, Engagement } from '../engagements/index.ts';

function toCell(row: CoverageCellRow): CoverageCell {
  return {
    region: row.region, industry: row.industry, capability: row.capability, demand: row.demand,
    supply: row.partners.length, status: row.status, partnerIds: row.partners,
  };
}

async function partners(ctx: Context, ids: string[]) {
  const rows = await ctx.loaders.partner.loadMany(ids);
  return rows.filter((p): p is NonNullable<typeof p> => p !== null && !(p instanceof Error));
}

@Resolver()
export class GapsResolver {
  @Query(() => [CoverageCell])
  async coverageGaps(@Ctx() ctx: Context, @Arg('input', () => CoverageInput, { nullable: true }) input?: CoverageInput | null) {
    return (await coverageCells(ctx.graph, input ?? {})).map(toCell);
  }

  @Query(() => EngagementGapReport)
  async engagementGaps(@Ctx() ctx: Context, @Arg('engagementId', () => ID) engagementId: string) {
    const row = found(await engagementGaps(ctx.graph, ctx.scope, engagementId, ctx.today), 'Engagement');
    return {
      engagementId: row.engagementId,
      orchestrationGap: row.orchestrationGap,
      missing: row.missing.map((m) => ({ capability: m.capability, level: m.level, candidateIds: m.candidates })),
    };
  }

  @Query(() => ExitImpact)
  async exitImpact(@Ctx() ctx: Context, @Arg('partnerIds', () => [ID]) partnerIds: string[]) {
    refusePartner(ctx, 'exitImpact');
    const row = await exitImpact(ctx.graph, partnerIds, ctx.today);
    return {
      partnerIds: row.partners, orphanedIds: row.orphanedEngagements, atRiskIds: row.atRiskCommitments,
      newlyUncovered: row.newlyUncovered.map(toCell), newlySinglePoint: row.newlySinglePoint.map(toCell),
    };
  }

}

@Resolver(() => CoverageCell)
export class CoverageCellResolver {
  @FieldResolver(() => [Partner], { description: 'The supplying partners, by id.' })
  partners(@Root() cell: CoverageCell, @Ctx() ctx: Context) {
    return partners(ctx, cell.partnerIds);
  }
}

@Resolver(() => CapabilityGap)
export class CapabilityGapResolver {
  @FieldResolver(() => [Partner], { description: "ACTIVE partners not participating today, operating in the customer's region, holding the capability at the required level or higher; ranked best first (contract/README.md)." })
  candidates(@Root() gap: CapabilityGap, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first?: number | null) {
    return partners(ctx, gap.candidateIds.slice(0, pageSize(first, 5)));
  }
}

@Resolver(() => EngagementGapReport)
export class EngagementGapReportResolver {
  @FieldResolver(() => Engagement)
  async engagement(@Root() report: EngagementGapReport, @Ctx() ctx: Context) {
    return found(await ctx.loaders.engagement.load(report.engagementId), 'Engagement');
  }
}

@Resolver(() => ExitImpact)
export class ExitImpactResolver {
  @FieldResolver(() => [Partner])
  partners(@Root() impact: ExitImpact, @Ctx() ctx: Context) {
    return partners(ctx, impact.partnerIds);
  }

  @FieldResolver(() => [Engagement], { description: 'PLANNED or ACTIVE engagements whose orchestrator today is a leaving partner.' })
  async orphanedEngagements(@Root() impact: ExitImpact, @Ctx() ctx: Context) {
    return (await ctx.loaders.engagement.loadMany(impact.orphanedIds)).filter((e) => e !== null && !(e instanceof Error));
  }

  @FieldResolver(() => [Commitment], { description: 'PENDING or IN_PROGRESS commitments owned by a leaving partner.' })
  async atRiskCommitments(@Root() impact: ExitImpact, @Ctx() ctx: Context) {
    return (await ctx.loaders.commitment.loadMany(impact.atRiskIds)).filter((m) => m !== null && !(m instanceof Error));
  }
}
