/** Gaps and credit (contract: CoverageCell, EngagementGapReport, ExitImpact, AttributionShare, EcosystemHealth). */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ATTRIBUTION_MODELS } from '../../graph/model/index.ts';
import { Capability, Industry, Region } from '../directory/partner.type.ts';

export const CoverageStatusEnum = { UNCOVERED: 'UNCOVERED', SINGLE_POINT: 'SINGLE_POINT', THIN: 'THIN', COVERED: 'COVERED' } as const;
registerEnumType(CoverageStatusEnum, { name: 'CoverageStatus' });

export const AttributionModelEnum = Object.fromEntries(ATTRIBUTION_MODELS.map((m) => [m, m])) as { [K in (typeof ATTRIBUTION_MODELS)[number]]: K };
registerEnumType(AttributionModelEnum, { name: 'AttributionModel' });

@InputType()
export class CoverageInput {
  @Field(() => [ID], { nullable: true, description: 'Restrict to these region codes; default: all.' }) regions?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Restrict to these capability ids; default: all.' }) capabilities?: string[] | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Split cells by customer industry as well.' }) byIndustry?: boolean | null;
  @Field(() => Int, { nullable: true, defaultValue: 3, description: 'A partner supplies a capability at this level or higher.' }) minLevel?: number | null;
  @Field(() => Float, { nullable: true, defaultValue: 5, description: 'A cell is THIN when demand / supply exceeds this.' }) thinRatio?: number | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) includeCovered?: boolean | null;
}

@ObjectType({ simpleResolvers: true, description: 'One (region, capability) cell, or (region, industry, capability) with byIndustry.' })
export class CoverageCell {
  @Field(() => Region) region!: Region;
  @Field(() => Industry, { nullable: true }) industry!: Industry | null;
  @Field(() => Capability) capability!: Capability;
  @Field(() => Int) demand!: number;
  @Field(() => Int) supply!: number;
  @Field(() => CoverageStatusEnum) status!: keyof typeof CoverageStatusEnum;
  /** Supplying partner ids, resolved to partners by the resolver. */
  partnerIds!: string[];
}

@ObjectType({ simpleResolvers: true })
export class CapabilityGap {
  @Field(() => Capability) capability!: Capability;
  @Field(() => Int) level!: number;
  candidateIds!: string[];
}

@ObjectType({ simpleResolvers: true })
export class EngagementGapReport {
  @Field(() => [CapabilityGap], { description: 'Requirements that no partner participating today holds at the required level. Ordered by capability id.' })
  missing!: CapabilityGap[];
  @Field(() => Boolean, { description: 'True when the engagement is PLANNED or ACTIVE and has no orchestrator today.' })
  orchestrationGap!: boolean;
  engagementId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What the ecosystem would lose if these partners left today.' })
export class ExitImpact {
  @Field(() => [CoverageCell], { description: 'Cells (default CoverageInput) with supply > 0 today and supply 0 without the leaving partners.' })
  newlyUncovered!: CoverageCell[];
  @Field(() => [CoverageCell], { description: 'Cells with supply > 1 today and supply 1 without the leaving partners.' })
  newlySinglePoint!: CoverageCell[];
  partnerIds!: string[];
  orphanedIds!: string[];
  atRiskIds!: string[];
}

@ObjectType({ simpleResolvers: true })
export class AttributionShare {
  @Field(() => Float) share!: number;
  @Field(() => Float, { nullable: true, description: 'share x engagement value; null when the engagement has no value.' }) amount!: number | null;
  partnerId!: string;
}

@ObjectType({ simpleResolvers: true })
export class EcosystemHealth {
  @Field(() => Int) partners!: number;
  @Field(() => Int) activePartners!: number;
  @Field(() => Int) engagements!: number;
  @Field(() => Float, { nullable: true, description: 'MET / (MET + MISSED + PARTIALLY_MET) outcomes; null when there are none.' }) outcomeSuccessRate!: number | null;
  @Field(() => Float, { description: 'Gini coefficient of LINEAR-attributed engagement value over ACTIVE partners, zeros included.' }) valueGini!: number;
  @Field(() => Float, { description: 'Share of all LINEAR-attributed value held by the top 10% of ACTIVE partners (at least one partner).' }) topDecileValueShare!: number;
  @Field(() => Int, { description: 'ACTIVE partners with no participation in a PLANNED or ACTIVE engagement.' }) longTail!: number;
}
