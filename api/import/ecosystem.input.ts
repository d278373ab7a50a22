/**
 * The input of `importEcosystem`: the same shape as an import file (contract: Import).
 * GraphQL checks types; graph/import/validate.ts checks every rule.
 */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type {
  CommitmentStatus, ContributionKind, EngagementRole, EngagementStatus, OutcomeStatus, PartnerStatus, PartnerType,
} from '../../graph/model/index.ts';
import { DealRegistrationInput } from '../deals/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import {
  CommitmentStatusEnum, ContributionKindEnum, EngagementRoleEnum, EngagementStatusEnum, OutcomeStatusEnum,
  PartnerStatusEnum, PartnerTypeEnum,
} from '../graphql/enums.ts';

@InputType()
export class RegionInput {
  @Field(() => ID) code!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class IndustryInput {
  @Field(() => ID) code!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class CapabilityInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class CapabilityHoldingInput {
  @Field(() => ID) capability!: string;
  @Field(() => Int) level!: number;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) certified?: boolean;
}

@InputType()
export class PartnerInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => PartnerTypeEnum) type!: PartnerType;
  @Field(() => PartnerStatusEnum, { nullable: true, defaultValue: 'ACTIVE' }) status?: PartnerStatus;
  @Field(() => String, { nullable: true }) tier?: string | null;
  @Field(() => [ID], { nullable: true }) regions?: string[];
  @Field(() => [ID], { nullable: true }) industries?: string[];
  @Field(() => [CapabilityHoldingInput], { nullable: true }) capabilities?: CapabilityHoldingInput[];
}

@InputType()
export class CustomerInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) region!: string;
  @Field(() => ID) industry!: string;
}

@InputType()
export class RequirementInput {
  @Field(() => ID) capability!: string;
  @Field(() => Int) level!: number;
}

@InputType()
export class ParticipationInput {
  @Field(() => ID) partner!: string;
  @Field(() => EngagementRoleEnum) role!: EngagementRole;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar, { nullable: true }) to?: string | null;
}

@InputType()
export class ContributionInput {
  @Field(() => ID) id!: string;
  @Field(() => ID) partner!: string;
  @Field(() => ContributionKindEnum) kind!: ContributionKind;
  @Field(() => DateScalar) date!: string;
  @Field(() => Float, { nullable: true }) amount?: number | null;
}

@InputType()
export class CommitmentInput {
  @Field(() => ID) id!: string;
  @Field(() => ID) owner!: string;
  @Field(() => String) description!: string;
  @Field(() => CommitmentStatusEnum) status!: CommitmentStatus;
  @Field(() => DateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => [ID], { nullable: true }) dependsOn?: string[];
}

@InputType()
export class OutcomeInput {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => OutcomeStatusEnum) status!: OutcomeStatus;
  @Field(() => DateScalar) dueDate!: string;
  @Field(() => [ID], { nullable: true }) dependsOn?: string[];
}

@InputType()
export class EngagementInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) customer!: string;
  @Field(() => EngagementStatusEnum) status!: EngagementStatus;
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => DateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => [RequirementInput], { nullable: true }) requires?: RequirementInput[];
  @Field(() => [ParticipationInput], { nullable: true }) participants?: ParticipationInput[];
  @Field(() => [ContributionInput], { nullable: true }) contributions?: ContributionInput[];
  @Field(() => [CommitmentInput], { nullable: true }) commitments?: CommitmentInput[];
  @Field(() => [OutcomeInput], { nullable: true }) outcomes?: OutcomeInput[];
}

@InputType({ description: 'The same shape as an import file (contract/README.md).' })
export class EcosystemInput {
  @Field(() => [RegionInput], { nullable: true }) regions?: RegionInput[];
  @Field(() => [IndustryInput], { nullable: true }) industries?: IndustryInput[];
  @Field(() => [CapabilityInput], { nullable: true }) capabilities?: CapabilityInput[];
  @Field(() => [PartnerInput], { nullable: true }) partners?: PartnerInput[];
  @Field(() => [CustomerInput], { nullable: true }) customers?: CustomerInput[];
  @Field(() => [EngagementInput], { nullable: true }) engagements?: EngagementInput[];
  @Field(() => [DealRegistrationInput], { nullable: true }) dealRegistrations?: DealRegistrationInput[];
}

@ObjectType({ simpleResolvers: true })
export class ImportResult {
  @Field(() => Int) regions!: number;
  @Field(() => Int) industries!: number;
  @Field(() => Int) capabilities!: number;
  @Field(() => Int) partners!: number;
  @Field(() => Int) customers!: number;
  @Field(() => Int) engagements!: number;
  @Field(() => Int) contributions!: number;
  @Field(() => Int) commitments!: number;
  @Field(() => Int) outcomes!: number;
  @Field(() => Int) dealRegistrations!: number;
}
