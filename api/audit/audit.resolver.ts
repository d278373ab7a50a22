/** `auditLog`: newest first, ADMIN only; nothing in the API edits or deletes it. */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { auditPage } from '../../graph/audit/index.ts';
import { badInput, isRealDate } from '../../graph/model/index.ts';
import { pageSize, requireAdmin, type Context } from '../graphql/context.ts';
import { AuditEntryConnection, AuditFilter } from './audit.type.ts';

/** 2026-03-07, 2026-03-07T10:00, …:00.123Z, …+01:00; groups: the time, the offset. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO-8601 date-time as the UTC instant the database compares with (no offset: UTC), or null when it is none. */
function instant(value: string): string | null {
  const m = ISO_DATE_TIME.exec(value);
  if (!m || !isRealDate(value.slice(0, 10))) return null;
  const ms = Date.parse(m[1] && !m[2] ? `${value}Z` : value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

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
    const bounds: { since?: string | null; until?: string | null } = {};
    for (const key of ['since', 'until'] as const) {
      const value = filter?.[key];
      if (value === undefined || value === null) continue;
      // The database reads ISO-8601 only; Date.parse alone would let "" and "March 7, 2026" through to it.
      const at = instant(value);
      if (at === null) throw badInput([{ path: `filter.${key}`, message: 'must be an ISO-8601 date-time' }]);
      bounds[key] = at;
    }
    return auditPage(ctx.graph, { ...filter, ...bounds }, { first: pageSize(first), after });
  }
}
