/** At-risk outcomes (contract: AtRiskOutcome, AtRiskOutcomeEdge, AtRiskOutcomeConnection). */
import { Field, Int, ObjectType } from 'type-graphql';
import type { RiskReason } from '../../graph/model/index.ts';
import { Commitment, Outcome } from '../engagements/index.ts';
import { RiskReasonEnum } from '../graphql/enums.ts';
import { PageInfo } from '../graphql/page-info.type.ts';

@ObjectType({ simpleResolvers: true })
export class AtRiskOutcome {
  @Field(() => Outcome) outcome!: Outcome;
  @Field(() => Int, { description: 'dueDate minus asOf, in days.' }) daysToDue!: number;
  @Field(() => [RiskReasonEnum]) reasons!: RiskReason[];
  @Field(() => [Commitment], { description: "The failure subgraph's commitments, by id." }) defective!: Commitment[];
  @Field(() => [Commitment], { description: 'The overdue commitments, by id.' }) overdue!: Commitment[];
  /** Resolved to partners by the resolver (one batched read per request). */
  orchestratorNowId!: string | null;
  orchestratorOnDueDateId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AtRiskOutcomeEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AtRiskOutcome) node!: AtRiskOutcome;
}

@ObjectType({ simpleResolvers: true })
export class AtRiskOutcomeConnection {
  @Field(() => [AtRiskOutcomeEdge]) edges!: AtRiskOutcomeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
