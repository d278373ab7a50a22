/** network (contract: Network, Access). */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { network, NETWORK_LIMITS } from '../../graph/network/index.ts';
import { refusePartner, type Context } from '../graphql/context.ts';
import { Network, NetworkFilter } from './network.type.ts';

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, {
    description: 'The co-delivery network of the partners that match the filter. Metrics are computed on the whole filtered network; '
      + '`limit` (0..100000) then keeps the highest-degree nodes, ties by id, and the edges among them. Not for PARTNER tokens.',
  })
  async network(
    @Ctx() ctx: Context,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter?: NetworkFilter | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: NETWORK_LIMITS.defaultLimit }) limit?: number | null,
  ) {
    refusePartner(ctx, 'the network');
    const answer = await network(ctx.graph, filter ?? {}, limit ?? NETWORK_LIMITS.defaultLimit, ctx.answerCache?.version,
      (err) => ctx.reportInternal(err));
    // A stale answer must not be replayed from the answer cache once the fresh one exists;
    // a fresh one is kept with the metrics it came from, to answer stale after a write.
    if (ctx.answerCache) {
      if (answer.stale) ctx.answerCache.cacheable = false;
      else ctx.answerCache.network = { metricsKey: answer.metricsKey, metricsVersion: answer.metricsVersion };
    }
    return answer;
  }
}
