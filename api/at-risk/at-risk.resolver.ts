/** atRiskOutcomes and the orchestrators of an at-risk outcome (contract: README, At-risk outcomes). */
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { atRiskOutcomePage } from '../../graph/at-risk/index.ts';
import { OutcomeFilter } from '../accountability/index.ts';
import { Partner } from '../directory/index.ts';
import { pageSize, wantsTotal, type Context } from '../graphql/context.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { AtRiskOutcome, AtRiskOutcomeConnection } from './at-risk.type.ts';

@Resolver(() => AtRiskOutcome)
export class AtRiskOutcomeResolver {
  @Query(() => AtRiskOutcomeConnection, {
    description: 'PENDING outcomes due on or after asOf (default today) that are at risk, dueDate ascending, then id (contract/README.md, At-risk outcomes).',
  })
  atRiskOutcomes(
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
    @Arg('filter', () => OutcomeFilter, { nullable: true }) filter?: OutcomeFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return atRiskOutcomePage(ctx.graph, ctx.scope, asOf ?? ctx.today, filter ?? {}, { first: pageSize(first), after, withTotal: wantsTotal(ctx, 'AtRiskOutcomeConnection') });
  }

  // The directory is everyone's to read (contract: Access), so a partner loads by id
  // whatever the scope; the loader batches a page's partners into one read.
  @FieldResolver(() => Partner, { nullable: true, description: 'The ORCHESTRATOR held on asOf; null when none.' })
  orchestratorNow(@Root() r: AtRiskOutcome, @Ctx() ctx: Context) {
    return r.orchestratorNowId ? ctx.loaders.partner.load(r.orchestratorNowId) : null;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The ORCHESTRATOR held on the due date by the stored intervals; null when none.' })
  orchestratorOnDueDate(@Root() r: AtRiskOutcome, @Ctx() ctx: Context) {
    return r.orchestratorOnDueDateId ? ctx.loaders.partner.load(r.orchestratorOnDueDateId) : null;
  }
}
