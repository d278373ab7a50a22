/** Engagements and what they hold (contract: schema.graphql). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { CommitmentStatus, ContributionKind, EngagementRole, EngagementStatus, OutcomeStatus } from '../../graph/model/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { PageInfo } from '../graphql/page-info.type.ts';
import type { Customer, Partner } from '../directory/index.ts';
import {
  CommitmentStatusEnum, ContributionKindEnum, EngagementRoleEnum, EngagementStatusEnum, OutcomeStatusEnum,
} from '../graphql/enums.ts';

@ObjectType({ simpleResolvers: true })
export class Engagement {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => EngagementStatusEnum) status!: EngagementStatus;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => DateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate!: string | null;
  customerId!: string;
  // Read with the engagement when the operation selects them (api/graphql/loaders.ts);
  // their fields' resolvers take them from here instead of asking a loader.
  customer?: Customer | null;
  outcomes?: Outcome[];
}

@ObjectType({ simpleResolvers: true, description: 'A role interval: the partner held `role` in the engagement from `from` (inclusive) to `to` (exclusive; null = still held).' })
export class Participation {
  @Field(() => EngagementRoleEnum) role!: EngagementRole;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
  partnerId!: string;
  engagementId!: string;
  /** Read with the interval when selected (api/graphql/loaders.ts). */
  engagement?: Engagement;
}

@ObjectType({ simpleResolvers: true })
export class Contribution {
  @Field(() => ID) id!: string;
  @Field(() => ContributionKindEnum) kind!: ContributionKind;
  @Field(() => DateScalar) date!: string;
  @Field(() => Float, { nullable: true }) amount!: number | null;
  partnerId!: string;
  engagementId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A result the engagement promised the customer. It depends on commitments.' })
export class Outcome {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => OutcomeStatusEnum) status!: OutcomeStatus;
  @Field(() => DateScalar) dueDate!: string;
  engagementId!: string;
  /** Read with the outcome when selected (api/graphql/loaders.ts). */
  dependsOn?: Commitment[];
}

@ObjectType({ simpleResolvers: true, description: 'A deliverable one partner owes. It may depend on other commitments, of any partner and of any engagement; the DEPENDS_ON graph is acyclic.' })
export class Commitment {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => CommitmentStatusEnum) status!: CommitmentStatus;
  @Field(() => DateScalar, { nullable: true }) dueDate!: string | null;
  ownerId!: string;
  engagementId!: string;
  /** Read with the commitment when selected (api/graphql/loaders.ts). */
  owner?: Partner | null;
}

@ObjectType({ simpleResolvers: true })
export class EngagementEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Engagement) node!: Engagement;
}

@ObjectType({ simpleResolvers: true })
export class EngagementConnection {
  @Field(() => [EngagementEdge]) edges!: EngagementEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class ParticipationEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Participation) node!: Participation;
}

@ObjectType({ simpleResolvers: true })
export class ParticipationConnection {
  @Field(() => [ParticipationEdge]) edges!: ParticipationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class EngagementFilter {
  @Field(() => [EngagementStatusEnum], { nullable: true }) statuses?: EngagementStatus[] | null;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
  @Field(() => EngagementRoleEnum, { nullable: true }) role?: EngagementRole | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => [ID], { nullable: true }) regions?: string[] | null;
  @Field(() => [ID], { nullable: true }) industries?: string[] | null;
}

