/** `viewer`, `createApiToken` and `revokeApiToken` (contract: Access). */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createToken, partnerExists, revokeToken } from '../../graph/access/index.ts';
import { type AccessRole } from '../../graph/model/index.ts';
import { AppError, badInput } from '../../graph/model/index.ts';
import { requireAdmin, type Context } from '../graphql/context.ts';
import { ApiToken, Viewer } from './access.type.ts';
import { AccessRoleEnum } from '../graphql/enums.ts';

@Resolver()
export class AccessResolver {
  @Query(() => Viewer)
  async viewer(@Ctx() ctx: Context) {
    const { role, partnerId } = ctx.principal;
    return { role, partner: partnerId ? await ctx.loaders.partner.load(partnerId) : null };
  }

  @Mutation(() => ApiToken, { description: 'ADMIN only. The secret is in the answer and nowhere else.' })
  async createApiToken(
    @Ctx() ctx: Context,
    @Arg('role', () => AccessRoleEnum) role: AccessRole,
    @Arg('partnerId', () => ID, { nullable: true }) partnerId?: string | null,
    @Arg('label', () => String, { nullable: true }) label?: string | null,
  ) {
    requireAdmin(ctx);
    if (role === 'PARTNER' && !partnerId) throw badInput([{ path: 'partnerId', message: 'a PARTNER token needs a partnerId' }]);
    if (role !== 'PARTNER' && partnerId !== undefined && partnerId !== null) throw badInput([{ path: 'partnerId', message: `${withArticle(role)} token is not bound to a partner` }]);
    if (partnerId && !(await partnerExists(ctx.graph, partnerId))) throw badInput([{ path: 'partnerId', message: `unknown partner "${partnerId}"` }]);
    const token = await createToken(ctx.graph, role, partnerId ?? null, label ?? null, ctx.principal);
    return { id: token.tokenId, role: token.role, partnerId: token.partnerId, label: token.label, secret: token.secret };
  }

  @Mutation(() => Boolean)
  async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    requireAdmin(ctx);
    if (id === ctx.principal.tokenId && ctx.principal.tokenId.startsWith('env:')) {
      throw new AppError('BAD_USER_INPUT', 'ADMIN_TOKEN is configured, not stored; change the setting instead.');
    }
    const hash = await revokeToken(ctx.graph, id, ctx.principal);
    if (hash) ctx.onRevoke(hash);
    return hash !== null;
  }
}

/** "an ADMIN", "an ANALYST", "a PARTNER": messages are read by people. */
function withArticle(role: AccessRole): string {
  return `${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role}`;
}
