/**
 * Role intervals (Participations): who held which role in an engagement, when.
 * "Held on D" is `from <= D AND (to IS NULL OR D < to)` (contract: Analyses).
 * Scope as everywhere: `$scope` null, or a PARTNER token's partner id, which sees the
 * intervals of engagements in which it has held a role.
 */
import { mapProjection, type Fields, type Prop } from '../db/index.ts';

export interface ParticipationRow {
  partnerId: string;
  engagementId: string;
  role: string;
  from: string;
  to: string | null;
}

const PARTICIPATION_PROPS: readonly Prop[] = [
  ['partnerId', 'p.id', 'partner'], ['engagementId', 'e.id', 'engagement'], ['role', 'r.role'], ['from', 'toString(r.from)'], ['to', 'toString(r.to)'],
];
const ROW = mapProjection(PARTICIPATION_PROPS, null);
const IN_SCOPE = ` ($scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }) `;

/** Per key {engagementId, asOf}: the intervals in force on asOf, by role, then partner id. */
export const PARTICIPANTS_ON = `
UNWIND $keys AS k
MATCH (e:Engagement {id: k.engagementId})
WHERE` + IN_SCOPE + `
RETURN k.engagementId AS engagementId, k.asOf AS asOf, COLLECT {
  MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
  WHERE r.from <= date(k.asOf) AND (r.to IS NULL OR date(k.asOf) < r.to)
  RETURN ` + ROW + ` ORDER BY r.role DESC, p.id
} AS items`;

/** Per engagement id: every interval, by `from`, then partner id (then role, for a stable order). */
export const ROLE_HISTORY = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE` + IN_SCOPE + `
RETURN id, COLLECT {
  MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
  RETURN ` + ROW + ` ORDER BY r.from, p.id, r.role
} AS items`;

/** What a page of a partner's intervals reads (ParticipationPageOptions). */
export interface ParticipationPageParts {
  withTotal: boolean;
  /** The fields asked of each interval (null: all); its sort key (from, engagementId, role) is always read. */
  fields: Fields;
  /** Each row's engagement, an engagement projection bound to `e` (with its levels), in `engagement`; null: not read. */
  engagement: string | null;
}

/**
 * Per key {i, partnerId, role, after, limit}: a page of the partner's intervals, newest
 * first (`from` descending, then engagement id, then role), and, `withTotal`, their
 * total. `after` is the sort key of the last row seen: [from, engagementId, role].
 *
 * The page is cut in the database: LIMIT cannot read a key's own `limit`, so each
 * partner's rows stop at `$limit`, the largest page of the batch (usually every key's),
 * and the key's own is cut from those. A row can carry its engagement and the levels
 * below it (its customer, its outcomes), so a nested list reads them in the same
 * statement; the engagement is in scope because the interval is, and so is what it holds.
 */
export function partnerParticipationPagesStatement(parts: ParticipationPageParts): string {
  const row = mapProjection([
    ...PARTICIPATION_PROPS,
    ...(parts.engagement === null ? [] : [['engagement', parts.engagement] as const]),
  ], parts.fields, ['engagementId', 'role', 'from']);
  return `
UNWIND $keys AS k
MATCH (p:Partner {id: k.partnerId})` + (parts.withTotal ? `
CALL (p, k) {
  MATCH (p)-[r:PARTICIPATES_IN]->(e:Engagement)
  WHERE (k.role IS NULL OR r.role = k.role) AND` + IN_SCOPE + `
  RETURN count(r) AS totalCount
}` : '') + `
CALL (p, k) {
  MATCH (p)-[r:PARTICIPATES_IN]->(e:Engagement)
  WHERE (k.role IS NULL OR r.role = k.role) AND` + IN_SCOPE + `
    AND (k.after IS NULL OR r.from < date(k.after[0])
         OR (r.from = date(k.after[0]) AND (e.id > k.after[1] OR (e.id = k.after[1] AND r.role > k.after[2]))))
  WITH p, r, e ORDER BY r.from DESC, e.id, r.role
  LIMIT $limit
  // An aggregation without a grouping key: one row even when nothing matches (a page
  // after the last one), so the key's totalCount is not lost with it.
  RETURN collect(` + row + `) AS rows
}
RETURN k.i AS i, ` + (parts.withTotal ? 'totalCount' : 'null AS totalCount') + `, rows[..k.limit] AS page`;
}
