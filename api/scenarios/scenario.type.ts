/** Scenarios (contract: HandoverInput, ScenarioInput, CoverageChange, ScenarioResult). */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { EcosystemHealth } from '../credit/index.ts';
import { CoverageCell } from '../gaps/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { PartnerInput } from '../import/index.ts';

@InputType({ description: 'A hypothetical engagement handover: from `from` on, `partnerId` orchestrates `engagementId`.' })
export class HandoverInput {
  @Field(() => ID) engagementId!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => DateScalar) from!: string;
}

@InputType()
export class ScenarioInput {
  @Field(() => [ID], { nullable: true, description: 'Partners that leave: from today they hold no role and supply nothing.' })
  exits?: string[] | null;
  @Field(() => [PartnerInput], { nullable: true, description: 'Partners that join (ids not yet stored), with their regions, industries and capabilities.' })
  joins?: PartnerInput[] | null;
  @Field(() => [HandoverInput], { nullable: true }) handovers?: HandoverInput[] | null;
}

@ObjectType({ simpleResolvers: true })
export class CoverageChange {
  @Field(() => CoverageCell, { nullable: true }) before!: CoverageCell | null;
  @Field(() => CoverageCell, { nullable: true }) after!: CoverageCell | null;
}

@ObjectType({ simpleResolvers: true })
export class ScenarioResult {
  @Field(() => [CoverageChange], { description: 'Cells whose status, supply or partners change, by region, industry, capability.' })
  coverage!: CoverageChange[];
  @Field(() => EcosystemHealth) healthBefore!: EcosystemHealth;
  @Field(() => EcosystemHealth) healthAfter!: EcosystemHealth;
  /** Engagement ids, resolved by the resolver. */
  orphanedIds!: string[];
  adoptedIds!: string[];
}
