/** The partner directory: `partner` and `partners` (every token reads it, contract: Access). */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { partnerPage } from '../../graph/directory/index.ts';
import { pageSize, wantsTotal, type Context } from '../graphql/context.ts';
import { Partner, PartnerConnection, PartnerFilter } from './directory.type.ts';

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.partner.load(id);
  }

  @Query(() => PartnerConnection)
  partners(
    @Ctx() ctx: Context,
    @Arg('filter', () => PartnerFilter, { nullable: true }) filter?: PartnerFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return partnerPage(ctx.graph, filter ?? {}, { first: pageSize(first), after, withTotal: wantsTotal(ctx, 'PartnerConnection') }, ctx.loaders.fields('Partner'));
  }
}
