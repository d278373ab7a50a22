/** Gaps (contract: CoverageInput, CoverageCell, CapabilityGap, EngagementGapReport, ExitImpact). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { CoverageStatus } from '../../graph/model/index.ts';
import { CoverageStatusEnum } from '../graphql/enums.ts';
import { Capability, Industry, Region } from '../directory/index.ts';

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
  @Field(() => CoverageStatusEnum) status!: CoverageStatus;
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
