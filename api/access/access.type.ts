/** Who is asking, and the tokens that say so (contract: Access). */
import { Field, ID, ObjectType } from 'type-graphql';
import type { AccessRole } from '../../graph/model/index.ts';
import { Partner } from '../directory/index.ts';
import { AccessRoleEnum } from '../graphql/enums.ts';

@ObjectType({ simpleResolvers: true })
export class Viewer {
  @Field(() => AccessRoleEnum) role!: AccessRole;
  @Field(() => Partner, { nullable: true }) partner!: Partner | null;
}

@ObjectType({ simpleResolvers: true })
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field(() => AccessRoleEnum) role!: AccessRole;
  @Field(() => ID, { nullable: true }) partnerId!: string | null;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => String, { nullable: true, description: 'The bearer secret; returned once, by createApiToken, and null afterwards.' })
  secret!: string | null;
}
