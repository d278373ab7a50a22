/** Credit (contract: AttributionShare, EcosystemHealth). */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { DealConflictRow } from '../../graph/deals/index.ts';

@ObjectType({ simpleResolvers: true })
export class AttributionShare {
  @Field(() => Float) share!: number;
  @Field(() => Float, { nullable: true, description: 'share x engagement value; null when the engagement has no value.' }) amount!: number | null;
  partnerId!: string;
  /** This engagement's SOURCED conflicts of every partner, read once per attribution, when asked for. */
  conflictsOfEngagement!: () => Promise<Map<string, DealConflictRow[]>>;
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
