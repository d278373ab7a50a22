/** Deal registration's types (contract: schema.graphql, Deal registration). */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { DealConflictKind, DealRegistrationStatus } from '../../graph/model/index.ts';
import type { PartnerRow } from '../../graph/directory/index.ts';
import type { EngagementRow } from '../../graph/engagements/index.ts';
import { Capability, Customer } from '../directory/index.ts';
import { Contribution } from '../engagements/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { DealConflictKindEnum, DealRegistrationStatusEnum } from '../graphql/enums.ts';
import { PageInfo } from '../graphql/page-info.type.ts';

@ObjectType({ simpleResolvers: true, description: 'A partner\'s claim on a customer and capability for [registeredOn, expiresOn) (contract/README.md, Deal registration).' })
export class DealRegistration {
  @Field(() => ID) id!: string;
  @Field(() => Customer) customer!: Customer;
  @Field(() => Capability) capability!: Capability;
  @Field(() => DateScalar) registeredOn!: string;
  @Field(() => DateScalar, { description: 'The registration protects [registeredOn, expiresOn).' }) expiresOn!: string;
  @Field(() => DealRegistrationStatusEnum) status!: DealRegistrationStatus;
  @Field(() => String, { nullable: true, description: 'Why it was approved or rejected; null while PENDING.' }) reason!: string | null;
  @Field(() => Boolean, { description: 'PENDING or APPROVED, and registeredOn <= asOf < expiresOn (asOf: today).' }) inForce!: boolean;
  /** Resolved through the partner loader (DealRegistrationResolver.partner), unless read with it. */
  partnerId!: string;
  partner?: PartnerRow;
}

@ObjectType({ simpleResolvers: true })
export class DealRegistrationEdge {
  @Field(() => String) cursor!: string;
  @Field(() => DealRegistration) node!: DealRegistration;
}

@ObjectType({ simpleResolvers: true })
export class DealRegistrationConnection {
  @Field(() => [DealRegistrationEdge]) edges!: DealRegistrationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class DealRegistrationFilter {
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => DealRegistrationStatusEnum, { nullable: true }) status?: DealRegistrationStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Only registrations in force today.' }) inForce?: boolean | null;
}

@ObjectType({ simpleResolvers: true })
export class DealConflict {
  @Field(() => DealConflictKindEnum) kind!: DealConflictKind;
  @Field(() => Customer) customer!: Customer;
  @Field(() => Capability) capability!: Capability;
  @Field(() => [DealRegistration], { description: 'By priority: registeredOn, then id. The first one has priority.' }) registrations!: DealRegistration[];
  @Field(() => Contribution, { nullable: true, description: 'SOURCED_AGAINST_REGISTRATION only.' }) contribution!: Contribution | null;
  /** Resolved through the engagement loader (DealConflictResolver.engagement), unless read with it. */
  engagementId!: string | null;
  engagement?: EngagementRow | null;
}

@InputType()
export class DealRegistrationInput {
  @Field(() => ID) id!: string;
  @Field(() => ID) partner!: string;
  @Field(() => ID) customer!: string;
  @Field(() => ID) capability!: string;
  @Field(() => DateScalar) registeredOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default: registeredOn plus 90 days.' }) expiresOn?: string | null;
  @Field(() => DealRegistrationStatusEnum, { nullable: true, defaultValue: 'PENDING' }) status?: DealRegistrationStatus | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}
