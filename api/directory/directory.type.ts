/** The directory's types (contract: schema.graphql): partners, customers, regions, industries, capabilities. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { PartnerStatus, PartnerType } from '../../graph/model/index.ts';
import { PartnerStatusEnum, PartnerTypeEnum } from '../graphql/enums.ts';
import { PageInfo } from '../graphql/page-info.type.ts';

@ObjectType({ simpleResolvers: true })
export class Region {
  @Field(() => ID) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class Industry {
  @Field(() => ID) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class Capability {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class CapabilityHolding {
  @Field(() => Capability) capability!: Capability;
  @Field(() => Int, { description: '1 (aware) to 5 (expert).' }) level!: number;
  @Field(() => Boolean) certified!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class CapabilityRequirement {
  @Field(() => Capability) capability!: Capability;
  @Field(() => Int) level!: number;
}

@ObjectType({ simpleResolvers: true })
export class Partner {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => PartnerTypeEnum) type!: PartnerType;
  @Field(() => PartnerStatusEnum) status!: PartnerStatus;
  @Field(() => String, { nullable: true }) tier!: string | null;
  @Field(() => [Region]) regions!: Region[];
  @Field(() => [Industry]) industries!: Industry[];
  @Field(() => [CapabilityHolding]) capabilities!: CapabilityHolding[];
}

@ObjectType({ simpleResolvers: true })
export class PartnerEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Partner) node!: Partner;
}

@ObjectType({ simpleResolvers: true })
export class PartnerConnection {
  @Field(() => [PartnerEdge]) edges!: PartnerEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class PartnerFilter {
  @Field(() => [PartnerTypeEnum], { nullable: true }) types?: PartnerType[] | null;
  @Field(() => [ID], { nullable: true }) regions?: string[] | null;
  @Field(() => [ID], { nullable: true }) industries?: string[] | null;
  @Field(() => [ID], { nullable: true }) capabilities?: string[] | null;
  @Field(() => PartnerStatusEnum, { nullable: true }) status?: PartnerStatus | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' }) nameContains?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Customer {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Region) region!: Region;
  @Field(() => Industry) industry!: Industry;
}
