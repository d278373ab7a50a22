/**
 * Engagements and the items they hold, always within the caller's
 * scope: `$scope` is null for ADMIN and ANALYST, and a partner id for a PARTNER token,
 * which sees only engagements in which that partner has held a role (and their
 * items). Out of scope behaves exactly like missing.
 */
import { mapProjection, type Fields, type Prop } from '../db/index.ts';

/** An engagement: the keys the read was asked for (`engagementFields`), always its id. */
export interface EngagementRow {
  id: string;
  name?: string;
  status?: string;
  value?: number | null;
  currency?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  customerId?: string;
}

export interface RequirementRow { capability: { id: string; name: string }; level: number }

export interface ContributionRow {
  id: string; partnerId: string; engagementId: string; kind: string; date: string; amount: number | null;
}

export interface OutcomeRow { id: string; description: string; status: string; dueDate: string; engagementId: string }

export interface CommitmentRow {
  id: string; description: string; status: string; dueDate: string | null; ownerId: string; engagementId: string;
}

const ENGAGEMENT_PROPS: readonly Prop[] = [
  ['id', 'e.id'], ['name', 'e.name'], ['status', 'e.status'], ['value', 'e.value'], ['currency', 'e.currency'],
  ['startDate', 'toString(e.startDate)'], ['endDate', 'toString(e.endDate)'],
  ['customerId', 'COLLECT { MATCH (e)-[:FOR]->(c:Customer) RETURN c.id }[0]', 'customer'],
];

/**
 * The projection of the engagement bound to `e`, shared by every engagement read: the
 * `fields` asked (null: all), and the levels below it that were asked in the same
 * statement: `customer` (a customer projection bound to `c`) and `outcomes` (outcomesOf's
 * list expression), each under its field's name.
 */
export function engagementFields(fields: Fields, levels: { customer: string | null; outcomes: string | null } = { customer: null, outcomes: null }): string {
  return mapProjection([
    ...ENGAGEMENT_PROPS,
    ...(levels.customer === null ? [] : [['customer', `COLLECT { MATCH (e)-[:FOR]->(c:Customer) RETURN ` + levels.customer + ` }[0]`] as const]),
    ...(levels.outcomes === null ? [] : [['outcomes', levels.outcomes] as const]),
  ], fields, ['id']);
}

const IN_SCOPE = ` ($scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }) `;

/** `projection`: engagementFields' projection of `e`. */
export const engagementsByIdsStatement = (projection: string) => `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE` + IN_SCOPE + `
RETURN ` + projection + ` AS engagement`;

/** Filters of `engagements`; `partnerId` and `role` together ask for that partner in that role. */
const ENGAGEMENT_FILTER = `
    ($statuses IS NULL OR e.status IN $statuses)
    AND ($customerId IS NULL OR EXISTS { MATCH (e)-[:FOR]->(:Customer {id: $customerId}) })
    AND ($regions IS NULL OR EXISTS { MATCH (e)-[:FOR]->(:Customer)-[:LOCATED_IN]->(g:Region) WHERE g.code IN $regions })
    AND ($industries IS NULL OR EXISTS { MATCH (e)-[:FOR]->(:Customer)-[:IN_INDUSTRY]->(i:Industry) WHERE i.code IN $industries })
    AND (($partnerId IS NULL AND $role IS NULL) OR EXISTS {
          MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
          WHERE ($partnerId IS NULL OR p.id = $partnerId) AND ($role IS NULL OR r.role = $role) })
    AND` + IN_SCOPE;

/** A page of engagements by id after `$after` (`$limit` rows) and, `withTotal`, the total that match (else null). */
export const engagementPageStatement = (fields: Fields, withTotal: boolean) => (withTotal ? `
CALL () { MATCH (e:Engagement) WHERE` + ENGAGEMENT_FILTER + ` RETURN count(e) AS totalCount }` : '') + `
CALL () {
  MATCH (e:Engagement) WHERE ($after IS NULL OR e.id > $after) AND` + ENGAGEMENT_FILTER + `
  WITH e ORDER BY e.id LIMIT $limit
  RETURN collect(` + engagementFields(fields) + `) AS page
}
RETURN ` + (withTotal ? 'totalCount' : 'null AS totalCount') + `, page`;

/**
 * One page of engagements per customer (`$keys`: i, customer id, after, limit), batched,
 * and, `withTotal`, each customer's total. Each customer's rows stop at `$limit`, the
 * largest page of the batch (LIMIT cannot read a key's own), and the key's own page is
 * cut from those.
 */
export const customerEngagementPagesStatement = (fields: Fields, withTotal: boolean) => `
UNWIND $keys AS k` + (withTotal ? `
CALL (k) {
  MATCH (e:Engagement)-[:FOR]->(:Customer {id: k.customerId})
  WHERE` + IN_SCOPE + `
  RETURN count(e) AS totalCount
}` : '') + `
CALL (k) {
  MATCH (e:Engagement)-[:FOR]->(:Customer {id: k.customerId})
  WHERE (k.after IS NULL OR e.id > k.after) AND` + IN_SCOPE + `
  WITH e ORDER BY e.id LIMIT $limit
  // An aggregation without a grouping key: one row even when nothing matches (a page
  // after the last one), so the key's totalCount is not lost with it.
  RETURN collect(` + engagementFields(fields) + `) AS rows
}
RETURN k.i AS i, ` + (withTotal ? 'totalCount' : 'null AS totalCount') + `, rows[..k.limit] AS page`;

/** Per engagement id (scoped again, so no path around the scope exists): its requirements. */
export const REQUIREMENTS_OF = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE` + IN_SCOPE + `
RETURN id, COLLECT { MATCH (e)-[q:REQUIRES]->(c:Capability)
                     RETURN {capability: c{.id, .name}, level: q.level} ORDER BY c.id } AS items`;

/** Contributions in touch order: by date, then id. */
export const CONTRIBUTIONS_OF = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE` + IN_SCOPE + `
RETURN id, COLLECT { MATCH (p:Partner)-[:CONTRIBUTED]->(k:Contribution)-[:TO]->(e)
                     RETURN {id: k.id, partnerId: p.id, engagementId: e.id, kind: k.kind, date: toString(k.date), amount: k.amount}
                     ORDER BY k.date, k.id } AS items`;

const OUTCOME_PROPS: readonly Prop[] = [
  ['id', 'o.id'], ['description', 'o.description'], ['status', 'o.status'], ['dueDate', 'toString(o.dueDate)'],
  ['engagementId', 'e.id', 'engagement'],
];

/**
 * The outcomes of the engagement bound to `e` (a list expression), by due date, then id,
 * with the `fields` asked (null: all); with `dependsOn` (a list expression over the
 * outcome bound to `o`, outcomes-commitments.queries.ts dependenciesOf), each outcome's
 * dependencies too, so `engagement { outcomes { dependsOn … } }` reads both levels in one
 * statement. The outcomes of an engagement in scope are in scope.
 */
export const outcomesList = (fields: Fields, dependsOn: string | null) => `COLLECT { MATCH (o:Outcome)-[:OF]->(e)
                     RETURN ` + mapProjection([...OUTCOME_PROPS, ...(dependsOn === null ? [] : [['dependsOn', dependsOn] as const])], fields, ['id']) + `
                     ORDER BY o.dueDate, o.id }`;

/** Per engagement id, `list` (outcomesList's). */
export const outcomesOfStatement = (list: string) => `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE` + IN_SCOPE + `
RETURN id, ` + list + ` AS items`;

export const COMMITMENTS_OF = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE` + IN_SCOPE + `
RETURN id, COLLECT { MATCH (m:Commitment)-[:PART_OF]->(e), (m)-[:OWNED_BY]->(p:Partner)
                     RETURN {id: m.id, description: m.description, status: m.status, dueDate: toString(m.dueDate),
                             ownerId: p.id, engagementId: e.id}
                     ORDER BY m.id } AS items`;
