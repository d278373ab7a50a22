/** Accountability, track records and the missed-outcome list (contract: schema.graphql). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { EngagementRole } from '../../graph/model/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { PageInfo } from '../graphql/page-info.type.ts';
import { Commitment, Outcome } from '../engagements/index.ts';
import { EngagementRoleEnum } from '../graphql/enums.ts';

@ObjectType({ simpleResolvers: true })
export class RootCause {
  @Field(() => Commitment) commitment!: Commitment;
  @Field(() => [Commitment], { description: 'A shortest chain from a commitment the outcome depends on directly down to this root cause, both ends included; ties broken by the lexicographically smallest sequence of ids.' })
  path!: Commitment[];
}

@ObjectType({ simpleResolvers: true })
export class ResponsibleParty {
  @Field(() => Float) share!: number;
  @Field(() => Int) rootCauses!: number;
  @Field(() => EngagementRoleEnum, { nullable: true, description: "The partner's role in the outcome's engagement on the outcome's dueDate; null when it held none then." })
  role!: EngagementRole | null;
  partnerId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Who owned an outcome. The failure subgraph is every defective (LATE or FAILED) commitment reachable from the outcome by DEPENDS_ON edges that pass through defective commitments only.' })
export class Accountability {
  @Field(() => Outcome) outcome!: Outcome;
  @Field(() => [RootCause]) rootCauses!: RootCause[];
  @Field(() => [Commitment]) propagated!: Commitment[];
  @Field(() => [ResponsibleParty]) responsible!: ResponsibleParty[];
  accountableId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class RoleRecord {
  @Field(() => Int, { description: 'Engagements in which the partner held this role at any time.' }) engagements!: number;
  @Field(() => Int, { description: 'MET outcomes of those engagements.' }) outcomesMet!: number;
  @Field(() => Int, { description: 'MISSED or PARTIALLY_MET outcomes of those engagements.' }) outcomesMissed!: number;
  @Field(() => Int, { description: 'DELIVERED commitments the partner owns in those engagements.' }) commitmentsDelivered!: number;
  @Field(() => Int, { description: 'LATE or FAILED commitments the partner owns in those engagements.' }) commitmentsDefective!: number;
}

@ObjectType({ simpleResolvers: true })
export class TrackRecord {
  @Field(() => RoleRecord) asOrchestrator!: RoleRecord;
  @Field(() => RoleRecord) asContributor!: RoleRecord;
  @Field(() => Int, { description: 'Distinct commitments of this partner that are a root cause (see Accountability) of at least one MISSED or PARTIALLY_MET outcome.' })
  rootCauses!: number;
  @Field(() => Int, { description: 'Missed outcomes (MISSED or PARTIALLY_MET) for which this partner was the accountable orchestrator.' })
  accountableMisses!: number;
}

@InputType()
export class OutcomeFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Outcomes whose dueDate is on or after this.' }) since?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Outcomes whose dueDate is before this.' }) until?: string | null;
  @Field(() => ID, { nullable: true, description: 'Outcomes for which this partner was accountable or owns a root cause.' }) partnerId?: string | null;
  @Field(() => [ID], { nullable: true }) regions?: string[] | null;
  @Field(() => [ID], { nullable: true }) industries?: string[] | null;
}

@ObjectType({ simpleResolvers: true })
export class OutcomeEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Outcome) node!: Outcome;
}

@ObjectType({ simpleResolvers: true })
export class OutcomeConnection {
  @Field(() => [OutcomeEdge]) edges!: OutcomeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

