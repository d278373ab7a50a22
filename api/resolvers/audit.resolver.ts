/** `auditLog`: newest first, ADMIN only; nothing in the API edits or deletes it. */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { auditPage } from '../../graph/audit/audit.ts';
import { badInput } from '../../graph/errors.ts';
import { pageSize, requireAdmin, type Context } from '../graphql/context.ts';
import { AuditEntryConnection, AuditFilter } from '../types/audit.type.ts';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every successful write, newest first. ADMIN only.' })
  auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
  ) {
    requireAdmin(ctx);
    for (const key of ['since', 'until'] as const) {
      const value = filter?.[key];
      if (value && Number.isNaN(Date.parse(value))) throw badInput([{ path: `filter.${key}`, message: 'must be an ISO-8601 date-time' }]);
    }
    return auditPage(ctx.graph, filter ?? {}, { first: pageSize(first), after });
  }
}
