/** The audit trail (issue: reliability and security): who wrote what, and when. ADMIN only. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/page-info.type.ts';

@ObjectType({ simpleResolvers: true, description: 'One successful write: who (token and role), what (operation and ids), when.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'When the write committed, ISO-8601 date-time (UTC).' }) at!: string;
  @Field(() => ID, { description: 'The token that wrote ("system" for the seed, "cli:import" for npm run import, "env:ADMIN_TOKEN" for the configured secret).' })
  tokenId!: string;
  @Field(() => String) role!: string;
  @Field(() => ID, { nullable: true }) partnerId!: string | null;
  @Field(() => String, { description: 'The mutation, or "import" for the CLI.' }) operation!: string;
  @Field(() => [ID], { description: 'The ids the write was about (at most 200; idCount says how many there were).' }) ids!: string[];
  @Field(() => Int) idCount!: number;
  @Field(() => String, { nullable: true, description: 'The file an import came from (the CLI\'s path or the uploaded files\' names); null for other writes.' })
  source!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEntry) node!: AuditEntry;
}

@ObjectType({ simpleResolvers: true })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges!: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class AuditFilter {
  @Field(() => [String], { nullable: true }) operations?: string[] | null;
  @Field(() => ID, { nullable: true }) tokenId?: string | null;
  @Field(() => String, { nullable: true, description: 'Entries at or after this ISO-8601 date-time.' }) since?: string | null;
  @Field(() => String, { nullable: true, description: 'Entries before this ISO-8601 date-time.' }) until?: string | null;
}
