/**
 * Conflicts among deal registrations (contract: Deal registration, `dealConflicts`), in
 * Cypher. Two kinds:
 *
 * - OVERLAPPING_REGISTRATIONS: per customer and capability, registrations of at least
 *   two different partners in force on $asOf; all of them, by priority (registeredOn,
 *   then id). Starts from the registrations in force (the status + expiresOn index).
 * - SOURCED_AGAINST_REGISTRATION: per SOURCED contribution whose date falls in the
 *   window of another partner's APPROVED registration for the engagement's customer and
 *   a capability the engagement requires (whatever $asOf). The rule is one fragment,
 *   SOURCED_AGAINST_PAIRS; its pairs are kept in the graph as
 *   (:Contribution)-[:AGAINST]->(:DealRegistration) (against.ts keeps them up to date),
 *   so reading them is a walk over the pairs, not a search through every SOURCED touch
 *   (1.5 s at 10,000 partners, and most of it the search). The same rows serve
 *   attribution's flag (graph/credit): the two never disagree.
 *
 * A read names the fields it will use (ConflictFields) and reads only those. A conflict
 * comes as columns, its registrations as lists of values (listProjection): at 10,000
 * partners an answer holds 9,000 conflicts, and maps' keys were half of its time.
 */
import { customerFields, partnerFields, type PartnerRow } from '../directory/index.ts';
import type { EngagementRow } from '../engagements/index.ts';
import { fieldsKey, fromList, listProjection, Lru, statementFor, type Fields, type Prop } from '../db/index.ts';
import { registrationProps, type DealRegistrationRow } from './deals.queries.ts';

/**
 * The rule, once: binds every (src, t, e, c, k, d) where t, a SOURCED contribution of
 * partner `src` to engagement `e`, falls in the window of d, an APPROVED registration of
 * another partner for e's customer `c` and a capability `k` that e requires. Bind `c`
 * (the refresh, per customer) or `t` or `e` before it. The registrations of each
 * (customer, required capability) come from the DealRegistration(customerId,
 * capabilityId, status) index, per row (the subquery). Measured at 10,000 engagements
 * and 13,000 registrations: starting from the APPROVED registrations walked every
 * engagement of their customers (2.7 million database hits), and expanding from the
 * customer read all of its registrations (460,000).
 */
export const SOURCED_AGAINST_PAIRS = `
MATCH (src:Partner)-[:CONTRIBUTED]->(t:Contribution {kind: 'SOURCED'})-[:TO]->(e:Engagement)-[:FOR]->(c:Customer),
      (e)-[:REQUIRES]->(k:Capability)
CALL (src, t, c, k) {
  MATCH (d:DealRegistration {customerId: c.id, capabilityId: k.id, status: 'APPROVED'})
  WHERE d.registeredOn <= t.date AND t.date < d.expiresOn AND d.partnerId <> src.id
  RETURN d
}`;

/** One conflict: what the API's DealConflict is built from (the keys asked for, and `kind`). */
export interface DealConflictRow {
  kind: 'OVERLAPPING_REGISTRATIONS' | 'SOURCED_AGAINST_REGISTRATION';
  customer: DealRegistrationRow['customer'];
  capability: { id: string; name: string };
  registrations: DealRegistrationRow[];
  contribution: { id: string; kind: string; date: string; amount: number | null; partnerId: string; engagementId: string } | null;
  engagementId: string | null;
  /** Read with the conflict when `engagement` was selected (ConflictFields.engagement). */
  engagement?: EngagementRow | null;
}

/** The fields a conflicts read is asked for, per type (null: all of them). */
export interface ConflictFields {
  conflict: Fields;
  registration: Fields;
  customer: Fields;
  capability: Fields;
  contribution: Fields;
  /**
   * The fields of each registration's partner, read in the same statement (false: not
   * read; the API's resolver then loads it). Thousands of conflicts would otherwise
   * cost another statement of thousands of ids.
   */
  partner: Fields | false;
  /**
   * The projection of the engagement bound to `e`, graph/engagements' engagementProjection
   * (given by the caller: graph/engagements depends on this area through the import);
   * false: not read.
   */
  engagement: string | false;
}

export const ALL_CONFLICT_FIELDS: ConflictFields = {
  conflict: null, registration: null, customer: null, capability: null, contribution: null, partner: false, engagement: false,
};

/** A conflict as the statements return it: columns, with lists of values for the registrations and the contribution. */
export interface ConflictColumns {
  kindOrder: 0 | 1;
  customerId: string;
  capabilityId: string;
  contributionId: string;
  engagementId: string | null;
  customer: DealRegistrationRow['customer'] | null;
  capability: { id: string; name: string } | null;
  registrations: unknown[][];
  contribution: unknown[] | null;
  engagement?: EngagementRow | null;
}

/** How one choice of fields is read: the statements' parts and the assembly of their rows. */
export interface ConflictShape {
  /**
   * The SOURCED_AGAINST_REGISTRATION rows of the contributions bound to `t` (unbound:
   * every pair), one per contribution, as ConflictColumns plus `src` (the touch's
   * partner). The registrations are those of `$scope`'s partner only, unless it is null.
   */
  sourcedRows: string;
  /** Both kinds, in the contract's order (needs $asOf, $today, $scope). */
  statement: string;
  toConflict(row: ConflictColumns): DealConflictRow;
}

const KINDS = ['OVERLAPPING_REGISTRATIONS', 'SOURCED_AGAINST_REGISTRATION'] as const;

const CONTRIBUTION_PROPS: readonly Prop[] = [
  ['id', 't.id'], ['kind', 't.kind'], ['date', 'toString(t.date)'], ['amount', 't.amount'],
  ['partnerId', 'src.id', 'partner'], ['engagementId', 'e.id', 'engagement'],
];

/** The columns of a conflict row (ConflictColumns), in the statements' order. */
export const CONFLICT_COLUMNS = 'kindOrder, customerId, capabilityId, contributionId, engagementId, customer, capability, registrations, contribution, engagement';

/** Only the id of a type is selected: it is known without reading the node. */
const idOnly = (fields: Fields): boolean => fields !== null && [...fields].every((field) => field === 'id');

const wants = (fields: Fields, field: string): boolean => fields === null || fields.has(field);

/** Built shapes, bounded as graph/db's statement texts are (a client chooses the fields). */
const shapes = new Lru<ConflictShape>(500);

/** The shape of `f`, built once per choice of fields. */
export function conflictShape(f: ConflictFields): ConflictShape {
  const key = conflictFieldsKey(f);
  let shape = shapes.get(key);
  if (shape === undefined) {
    shape = buildShape(f, key);
    shapes.set(key, shape);
  }
  return shape;
}

function conflictFieldsKey(f: ConflictFields): string {
  return [
    fieldsKey(f.conflict), fieldsKey(f.registration), fieldsKey(f.customer), fieldsKey(f.capability), fieldsKey(f.contribution),
    f.partner === false ? '-' : fieldsKey(f.partner), f.engagement === false ? '-' : f.engagement,
  ].join(' ');
}

function buildShape(f: ConflictFields, key: string): ConflictShape {
  const wantsCustomer = wants(f.conflict, 'customer') || (wants(f.conflict, 'registrations') && wants(f.registration, 'customer'));
  // The conflict's customer is every registration's: read once, and only when more than its id is asked.
  const customer = wantsCustomer && !idOnly(f.customer) ? customerFields(f.customer) : 'null';
  const capability = wants(f.conflict, 'capability') && !idOnly(f.capability) ? 'k{.id, .name}' : 'null';
  // A registration's partner and capability: their ids are kept on it.
  const partnerIdOnly = f.partner !== false && idOnly(f.partner);
  const capabilityIdOnly = idOnly(f.capability);
  const more: Prop[] = [
    ...(f.partner === false || partnerIdOnly ? [] : [['partner', `[(d)-[:REGISTERED_BY]->(p:Partner) | ` + partnerFields(f.partner) + `][0]`] as const]),
    ...(capabilityIdOnly ? [['capabilityId', 'd.capabilityId', 'capability'] as const] : []),
  ];
  const registration = listProjection(registrationProps('null', more).filter(([name]) => name !== 'customer' && !(capabilityIdOnly && name === 'capability')),
    f.registration, ['id', 'partnerId']);
  const registrations = wants(f.conflict, 'registrations')
    ? `[d IN ds WHERE $scope IS NULL OR d.partnerId = $scope | ` + registration.list + `]` : '[]';
  const contribution = listProjection(CONTRIBUTION_PROPS, f.contribution, ['id']);
  const wantsContribution = wants(f.conflict, 'contribution');
  const engagement = f.engagement === false ? 'null' : f.engagement;

  const sourcedRows = `
MATCH (t:Contribution)-[:AGAINST]->(d:DealRegistration)
WITH t, d ORDER BY d.registeredOn, d.id
WITH t, collect(d) AS ds
MATCH (src:Partner)-[:CONTRIBUTED]->(t)-[:TO]->(e:Engagement)-[:FOR]->(c:Customer)
MATCH (k:Capability {id: ds[0].capabilityId})
WITH src, 1 AS kindOrder, c.id AS customerId, k.id AS capabilityId, t.id AS contributionId, e.id AS engagementId,
     ` + customer + ` AS customer, ` + capability + ` AS capability, ` + registrations + ` AS registrations,
     ` + (wantsContribution ? contribution.list : 'null') + ` AS contribution, ` + engagement + ` AS engagement`;

  const statement = statementFor(`deal conflicts ${key}`, () => `
CALL () {
  MATCH (d:DealRegistration)
  WHERE d.status IN ['PENDING', 'APPROVED'] AND d.expiresOn > date($asOf) AND d.registeredOn <= date($asOf)
  WITH d ORDER BY d.registeredOn, d.id
  WITH d.customerId AS customerId, d.capabilityId AS capabilityId, collect(d) AS ds, collect(DISTINCT d.partnerId) AS holders
  WHERE size(holders) >= 2
  MATCH (c:Customer {id: customerId}), (k:Capability {id: capabilityId})
  RETURN 0 AS kindOrder, customerId, capabilityId, '' AS contributionId, null AS engagementId,
         ` + customer + ` AS customer, ` + capability + ` AS capability, ` + registrations + ` AS registrations,
         null AS contribution, null AS engagement
  UNION ALL
  ` + sourcedRows + `
  RETURN ` + CONFLICT_COLUMNS + `
}
RETURN ` + CONFLICT_COLUMNS + `
ORDER BY kindOrder, customerId, capabilityId, contributionId`);

  const registrationWantsCustomer = wants(f.registration, 'customer');
  const withEngagement = f.engagement !== false;
  return {
    sourcedRows,
    statement,
    toConflict(row) {
      const customerRow = row.customer ?? { id: row.customerId } as DealRegistrationRow['customer'];
      const conflict: DealConflictRow = {
        kind: KINDS[row.kindOrder],
        customer: customerRow,
        capability: row.capability ?? { id: row.capabilityId } as DealConflictRow['capability'],
        registrations: row.registrations.map((values) => {
          const r = fromList<DealRegistrationRow & { capabilityId?: string }>(registration.keys, values);
          if (registrationWantsCustomer) r.customer = customerRow;
          if (partnerIdOnly) r.partner = { id: r.partnerId } as PartnerRow;
          if (r.capabilityId !== undefined) r.capability = { id: r.capabilityId } as DealRegistrationRow['capability'];
          return r;
        }),
        contribution: row.contribution === null ? null : fromList(contribution.keys, row.contribution),
        engagementId: row.engagementId,
      };
      if (withEngagement) conflict.engagement = row.engagement ?? null;
      return conflict;
    },
  };
}
