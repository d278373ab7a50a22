/**
 * assignRole and endParticipation (contract: Mutation). Both lock the engagement before
 * reading the intervals they change, so concurrent handovers of one engagement are
 * serialised while other engagements' go on, and both refuse, changing nothing, a change
 * that would leave two ORCHESTRATOR intervals in force on one date, an empty or inverted
 * interval, or an ACTIVE engagement without an open orchestrator.
 *
 * The engagement's lock is all these rules need: they are about one engagement's
 * intervals and status, and every writer of those (these two, and the import, which
 * sets the engagement's properties) holds it. The partners' side needs none: Neo4j 5
 * creates and deletes a relationship without an exclusive lock on its end nodes (a
 * partner stays free meanwhile), no rule spans a partner's engagements, and nothing in
 * the product deletes a partner.
 */
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import type { Graph, Tx } from '../db/index.ts';
import { recordEvents, type NewEvent } from '../events/index.ts';
import { AppError, badInput, isRealDate } from '../model/index.ts';
import { checkOrchestrators } from '../import/index.ts';
import type { EngagementRole, IsoDate, ParticipationInput } from '../model/index.ts';
import { LOCK_ENGAGEMENT, READ_ENGAGEMENT_ROLES, REPLACE_ENGAGEMENT_ROLES } from './roles.queries.ts';

interface Interval { partner: string; role: EngagementRole; from: IsoDate; to: IsoDate | null }

export async function assignRole(
  graph: Graph, engagementId: string, partnerId: string, role: EngagementRole, from: IsoDate, actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  requireDate(from, 'from');
  await changeRoles(graph, engagementId, partnerId, (intervals) => planAssignRole(intervals, partnerId, role, from),
    (tx) => recordAudit(tx, actor, 'assignRole', [engagementId, partnerId]));
}

export async function endParticipation(graph: Graph, engagementId: string, partnerId: string, to: IsoDate, actor: Actor = SYSTEM_ACTOR): Promise<void> {
  requireDate(to, 'to');
  await changeRoles(graph, engagementId, partnerId, (intervals) => planEndParticipation(intervals, partnerId, to),
    (tx) => recordAudit(tx, actor, 'endParticipation', [engagementId, partnerId]));
}

/**
 * The intervals after `partnerId` takes `role` from `from`: its open interval ends at
 * `from`; for ORCHESTRATOR, the previous orchestrator's open interval ends at `from`
 * and it continues as CONTRIBUTOR. Holding the role already (open) changes nothing.
 */
export function planAssignRole(intervals: Interval[], partnerId: string, role: EngagementRole, from: IsoDate): Interval[] {
  const next = intervals.map((i) => ({ ...i }));
  const own = next.find((i) => i.partner === partnerId && i.to === null);
  if (own && own.role === role && own.from <= from) return intervals;
  if (own) endAt(own, from);
  if (role === 'ORCHESTRATOR') {
    const previous = next.find((i) => i.role === 'ORCHESTRATOR' && i.to === null && i.partner !== partnerId);
    if (previous) {
      endAt(previous, from);
      next.push({ partner: previous.partner, role: 'CONTRIBUTOR', from, to: null });
    }
  }
  next.push({ partner: partnerId, role, from, to: null });
  return next;
}

export function planEndParticipation(intervals: Interval[], partnerId: string, to: IsoDate): Interval[] {
  const next = intervals.map((i) => ({ ...i }));
  const own = next.find((i) => i.partner === partnerId && i.to === null);
  if (!own) throw badInput([{ path: 'partnerId', message: `"${partnerId}" holds no open role in this engagement` }]);
  endAt(own, to, 'to');
  return next;
}

function endAt(interval: Interval, date: IsoDate, path = 'from'): void {
  if (date <= interval.from) {
    throw new AppError('CONFLICT', `${interval.partner}'s ${interval.role} interval starts on ${interval.from}; it cannot end on ${date}.`,
      [{ path, message: `must be after ${interval.from}, when ${interval.partner}'s open ${interval.role} interval started` }]);
  }
  interval.to = date;
}

async function changeRoles(
  graph: Graph, engagementId: string, partnerId: string, plan: (intervals: Interval[]) => Interval[], audit: (tx: Tx) => Promise<void>,
): Promise<void> {
  await graph.writeTx(async (tx: Tx) => {
    // Its own statement, so that the read below starts after the lock is granted and
    // sees what the write that held it committed.
    await tx.run(LOCK_ENGAGEMENT, { engagementId });
    const [row] = await tx.run<{ status: string; partnerExists: boolean; intervals: Interval[] }>(READ_ENGAGEMENT_ROLES, { engagementId, partnerId });
    if (!row) throw new AppError('NOT_FOUND', `No engagement "${engagementId}".`);
    if (!row.partnerExists) throw new AppError('NOT_FOUND', `No partner "${partnerId}".`);
    const next = plan(row.intervals);
    if (next === row.intervals) return;
    const problems: Array<{ path: string; message: string }> = [];
    checkOrchestrators(next.map((i): ParticipationInput => ({ ...i })), 'intervals', (path, message) => problems.push({ path, message }));
    if (problems.length > 0) throw new AppError('CONFLICT', 'Two ORCHESTRATOR intervals would be in force on the same date.', problems);
    if (row.status === 'ACTIVE' && !next.some((i) => i.role === 'ORCHESTRATOR' && i.to === null)) {
      throw new AppError('CONFLICT', 'An ACTIVE engagement needs an open ORCHESTRATOR interval.');
    }
    await tx.run(REPLACE_ENGAGEMENT_ROLES, { engagementId, intervals: next });
    await audit(tx);
    await recordEvents(tx, roleEvents(engagementId, row.intervals, next));
  });
}

/**
 * The role events of a change from `before` to `after`: an interval is its partner,
 * role and start; one whose end changed has ended (role.ended), one that is new starts
 * (role.assigned). A handover is three: the outgoing orchestrator's end, its
 * contributor interval, the incoming orchestrator's start, in that order.
 */
export function roleEvents(engagementId: string, before: readonly Interval[], after: readonly Interval[]): NewEvent[] {
  const key = (i: Interval) => `${i.partner}\u0000${i.role}\u0000${i.from}`;
  const old = new Map(before.map((i) => [key(i), i]));
  const ended: NewEvent[] = [];
  const assigned: NewEvent[] = [];
  for (const i of after) {
    const was = old.get(key(i));
    if (!was) {
      assigned.push({ type: 'role.assigned', engagementId, data: { engagementId, partnerId: i.partner, role: i.role, from: i.from, to: i.to } });
    } else if (was.to !== i.to && i.to !== null) {
      ended.push({ type: 'role.ended', engagementId, data: { engagementId, partnerId: i.partner, role: i.role, from: i.from, to: i.to } });
    }
  }
  return [...ended, ...assigned];
}

function requireDate(value: string, path: string): void {
  if (!isRealDate(value)) throw badInput([{ path, message: `"${value}" is not a real date (YYYY-MM-DD)` }]);
}
