/** `customer`: within the caller's scope, out of scope answered exactly like missing. */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import { Customer } from './directory.type.ts';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.customer.load(id);
  }
}
