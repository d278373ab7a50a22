/** The writes of engagements and roles; each one transaction, all or nothing. */
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { AppError } from '../../graph/model/index.ts';
import type { CommitmentStatus, EngagementRole, OutcomeStatus } from '../../graph/model/index.ts';
import { assignRole, endParticipation, setCommitmentStatus, setOutcomeStatus } from '../../graph/engagements/index.ts';
import { afterWrite, found, requireAdmin, type Context } from '../graphql/context.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { Commitment, Engagement, Outcome } from './engagement.type.ts';
import { CommitmentStatusEnum, EngagementRoleEnum, OutcomeStatusEnum } from '../graphql/enums.ts';

@Resolver()
export class RolesResolver {
  @Mutation(() => Engagement, {
    description: 'From `from` on, the partner holds `role`. Its open interval on the engagement, if any, ends at `from`. '
      + "Assigning ORCHESTRATOR hands over: the previous orchestrator's open interval ends at `from` and it continues as CONTRIBUTOR from `from`.",
  })
  async assignRole(
    @Ctx() ctx: Context,
    @Arg('engagementId', () => ID) engagementId: string,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('role', () => EngagementRoleEnum) role: EngagementRole,
    @Arg('from', () => DateScalar) from: string,
  ) {
    requireAdmin(ctx);
    await assignRole(ctx.graph, engagementId, partnerId, role, from, ctx.principal);
    afterWrite(ctx);
    return found(await ctx.loaders.engagement.load(engagementId), 'Engagement');
  }

  @Mutation(() => Engagement, { description: "Ends the partner's open interval on the engagement at `to`." })
  async endParticipation(
    @Ctx() ctx: Context,
    @Arg('engagementId', () => ID) engagementId: string,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('to', () => DateScalar) to: string,
  ) {
    requireAdmin(ctx);
    await endParticipation(ctx.graph, engagementId, partnerId, to, ctx.principal);
    afterWrite(ctx);
    return found(await ctx.loaders.engagement.load(engagementId), 'Engagement');
  }

  @Mutation(() => Commitment, { description: 'ADMIN, or a PARTNER token for a commitment its partner owns.' })
  async setCommitmentStatus(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => CommitmentStatusEnum) status: CommitmentStatus,
  ) {
    const { role, partnerId } = ctx.principal;
    if (role === 'ANALYST') throw new AppError('FORBIDDEN', 'An ANALYST token cannot write.');
    await setCommitmentStatus(ctx.graph, id, status, role === 'PARTNER' ? partnerId : null, ctx.principal);
    afterWrite(ctx);
    return found(await ctx.loaders.commitment.load(id), 'Commitment');
  }

  @Mutation(() => Outcome)
  async setOutcomeStatus(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => OutcomeStatusEnum) status: OutcomeStatus,
  ) {
    requireAdmin(ctx);
    await setOutcomeStatus(ctx.graph, id, status, ctx.principal);
    afterWrite(ctx);
    return found(await ctx.loaders.outcome.load(id), 'Outcome');
  }
}
