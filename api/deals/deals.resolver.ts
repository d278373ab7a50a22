/**
 * Deal registration, GraphQL side (contract: Deal registration): the writes (ADMIN, or a
 * PARTNER token for its own partner), the scoped `dealRegistrations` page and
 * `dealConflicts` (ADMIN and ANALYST). The rules are graph/deals'; these are thin.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { engagementProjection } from '../../graph/engagements/index.ts';
import { dealConflicts, dealRegistrationPage, decideDealRegistration, registerDeal } from '../../graph/deals/index.ts';
import { AppError, type DealRegistrationStatus } from '../../graph/model/index.ts';
import { Partner } from '../directory/index.ts';
import { Engagement } from '../engagements/index.ts';
import { afterWrite, found, pageSize, refusePartner, requireAdmin, type Context } from '../graphql/context.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { DealRegistrationStatusEnum } from '../graphql/enums.ts';
import { selects } from '../graphql/selection.ts';
import {
  DealConflict, DealRegistration, DealRegistrationConnection, DealRegistrationFilter, DealRegistrationInput,
} from './deal.type.ts';

@Resolver(() => DealRegistration)
export class DealRegistrationResolver {
  @Query(() => DealRegistrationConnection, {
    description: 'Ordered by registeredOn, then id. A PARTNER token sees its own partner\'s registrations only.',
  })
  dealRegistrations(
    @Ctx() ctx: Context,
    @Arg('filter', () => DealRegistrationFilter, { nullable: true }) filter?: DealRegistrationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return dealRegistrationPage(ctx.graph, ctx.scope, filter ?? {}, { first: pageSize(first), after }, ctx.today);
  }

  @Mutation(() => DealRegistration, { description: 'ADMIN, or a PARTNER token for its own partner (contract/README.md, Deal registration).' })
  async registerDeal(@Ctx() ctx: Context, @Arg('input', () => DealRegistrationInput) input: DealRegistrationInput) {
    const { role, partnerId } = ctx.principal;
    if (role === 'ANALYST') throw new AppError('FORBIDDEN', 'An ANALYST token cannot write.');
    const registration = await registerDeal(ctx.graph, { ...input }, ctx.today, { actor: ctx.principal, partnerId: role === 'PARTNER' ? partnerId : null });
    afterWrite(ctx);
    return registration;
  }

  @Mutation(() => DealRegistration, {
    description: "ADMIN only. Approving one that would overlap another partner's APPROVED registration in force for the same customer and capability is CONFLICT.",
  })
  async decideDealRegistration(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => DealRegistrationStatusEnum) status: DealRegistrationStatus,
    @Arg('reason', () => String) reason: string,
  ) {
    requireAdmin(ctx);
    const registration = await decideDealRegistration(ctx.graph, id, status, reason, ctx.today, ctx.principal);
    afterWrite(ctx);
    return registration;
  }

  @FieldResolver(() => Partner)
  partner(@Root() d: DealRegistration, @Ctx() ctx: Context) {
    // Not async: a conflicts answer holds thousands of registrations, and a promise per
    // field costs graphql-js far more than the value read with the row.
    if (d.partner) return d.partner;
    return ctx.loaders.partner.load(d.partnerId).then((p) => found(p, 'Partner'));
  }
}

/** A conflict's engagement is read without the levels below it (their resolvers load those). */
const ENGAGEMENT_ALONE = { customer: false, outcomes: null } as const;

@Resolver(() => DealConflict)
export class DealConflictResolver {
  @Query(() => [DealConflict], {
    description: 'Conflicts among deal registrations and sourced claims (contract/README.md, Deal registration). ADMIN and ANALYST.',
  })
  dealConflicts(@Ctx() ctx: Context, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null) {
    refusePartner(ctx, 'dealConflicts');
    const { loaders } = ctx;
    const { selection } = loaders;
    // Thousands of conflicts at 10,000 partners: only the selected keys are read, and the
    // partners and engagements asked for come in the same statement.
    return dealConflicts(ctx.graph, asOf ?? ctx.today, ctx.today, {
      conflict: loaders.fields('DealConflict'), registration: loaders.fields('DealRegistration'),
      customer: loaders.fields('Customer'), capability: loaders.fields('Capability'), contribution: loaders.fields('Contribution'),
      partner: selects(selection, 'DealRegistration.partner') && loaders.fields('Partner'),
      engagement: selects(selection, 'DealConflict.engagement') && engagementProjection(loaders.fields('Engagement'), ENGAGEMENT_ALONE),
    });
  }

  @FieldResolver(() => Engagement, { nullable: true })
  engagement(@Root() c: DealConflict, @Ctx() ctx: Context) {
    if (c.engagement !== undefined) return c.engagement;
    return c.engagementId === null ? null : ctx.loaders.engagement.load(c.engagementId);
  }
}
