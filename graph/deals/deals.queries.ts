/**
 * Deal registrations (contract: Deal registration), the graph side:
 *
 *   (:DealRegistration {id, registeredOn: date, expiresOn: date, status, reason})
 *     -[:REGISTERED_BY]->(:Partner)  -[:CLAIMS]->(:Customer)  -[:COVERS]->(:Capability)
 *
 * The ends' ids are kept on the node too (partnerId, customerId, capabilityId), written
 * with the relationships by the same statements, for the conflicts' index lookup.
 *
 * In force on D: status PENDING or APPROVED and registeredOn <= D < expiresOn, so two
 * windows that touch ([a, b) and [b, c)) share no day.
 */
import { mapProjection, type Fields, type Prop } from '../db/index.ts';
import type { PartnerRow } from '../directory/index.ts';
import type { DealRegistrationStatus } from '../model/index.ts';

/** A registration as every read returns it; `inForce` as of `$today`. */
export interface DealRegistrationRow {
  id: string;
  partnerId: string;
  customer: { id: string; name: string; region: { code: string; name: string }; industry: { code: string; name: string } };
  capability: { id: string; name: string };
  registeredOn: string;
  expiresOn: string;
  status: DealRegistrationStatus;
  reason: string | null;
  inForce: boolean;
  /** Read with the registration when the read was asked to (dealConflicts' ConflictFields.partner). */
  partner?: PartnerRow;
}

/** The registration's customer, with its region and industry, as every read but the conflicts' reads it. */
const CUSTOMER_OF_REGISTRATION = `[(d)-[:CLAIMS]->(rowCustomer:Customer) | rowCustomer{.id, .name,
  region: [(rowCustomer)-[:LOCATED_IN]->(rowRegion:Region) | rowRegion{.code, .name}][0],
  industry: [(rowCustomer)-[:IN_INDUSTRY]->(rowIndustry:Industry) | rowIndustry{.code, .name}][0]}][0]`;

/**
 * The keys of the registration bound to `d` (needs `$today`), with the expression of its
 * customer (dealConflicts sets the conflict's own in JS: every registration of a
 * conflict claims its customer) and more keys a read adds. Pattern comprehensions, not COLLECT subqueries: the conflicts'
 * statement holds this twice, and planning a subquery each cost seconds on its first
 * run (measured: 6.6 s, over the 10 s request limit on a busy machine). Its variables
 * are named row* so they shadow nothing. `partnerId` is the property kept beside the
 * REGISTERED_BY relationship (the same statements write both).
 */
export const registrationProps = (customer: string, more: readonly Prop[] = []): readonly Prop[] => [
  ['id', 'd.id'], ['status', 'd.status'], ['reason', 'd.reason'],
  ['registeredOn', 'toString(d.registeredOn)'], ['expiresOn', 'toString(d.expiresOn)'],
  ['inForce', `d.status IN ['PENDING', 'APPROVED'] AND d.registeredOn <= date($today) AND date($today) < d.expiresOn`],
  ['partnerId', 'd.partnerId', 'partner'],
  ['customer', customer],
  ['capability', '[(d)-[:COVERS]->(rowCapability:Capability) | rowCapability{.id, .name}][0]'],
  ...more,
];

/** The projection of the registration bound to `d`: the `fields` asked (null: all), always its id and partner's id. */
function registrationFields(fields: Fields): string {
  return mapProjection(registrationProps(CUSTOMER_OF_REGISTRATION), fields, ['id', 'partnerId']);
}

/** Every key of the registration bound to `d`: the writes' answers and the list's rows. */
export const REGISTRATION_ROW = registrationFields(null);

/**
 * Takes the exclusive lock of the customer a registration claims. Every write that can
 * approve a registration (registerDeal, decideDealRegistration) takes it before it looks
 * for a rival approval, so approvals for one customer run one after another and the
 * second one sees the first. It reads nothing: a statement that read the registrations
 * and then waited for the lock would go on with what it read before the wait (as the
 * events' sequencer found), so the rivals are read by the next statement.
 */
export const LOCK_CUSTOMER = `
MATCH (c:Customer {id: $customer})
SET c.id = c.id`;

/**
 * The same lock for a decision, found through the registration. The customer read here
 * only chooses the lock; the decision reads the registration again once it holds it.
 */
export const LOCK_CUSTOMER_OF_REGISTRATION = `
MATCH (:DealRegistration {id: $id})-[:CLAIMS]->(c:Customer)
SET c.id = c.id
RETURN c.id AS customer`;

/**
 * APPROVED registrations of other partners for the same customer and capability whose
 * windows overlap [$registeredOn, $expiresOn): approving one more would be a CONFLICT.
 * From the customer (locked, by id) through its few registrations.
 */
export const READ_FOR_REGISTER = `
OPTIONAL MATCH (c:Customer {id: $customer})
RETURN EXISTS { MATCH (:Partner {id: $partner}) } AS partnerExists,
       c IS NOT NULL AS customerExists,
       EXISTS { MATCH (:Capability {id: $capability}) } AS capabilityExists,
       EXISTS { MATCH (:DealRegistration {id: $id}) } AS idTaken,
       CASE WHEN c IS NULL OR $status <> 'APPROVED' THEN [] ELSE COLLECT {
         MATCH (c)<-[:CLAIMS]-(r:DealRegistration {status: 'APPROVED'})-[:COVERS]->(:Capability {id: $capability})
         WHERE r.registeredOn < date($expiresOn) AND date($registeredOn) < r.expiresOn
           AND NOT EXISTS { MATCH (r)-[:REGISTERED_BY]->(:Partner {id: $partner}) }
         WITH r ORDER BY r.registeredOn, r.id
         RETURN r.id } END AS rivals`;

export const CREATE_REGISTRATION = `
MATCH (p:Partner {id: $partner}), (c:Customer {id: $customer}), (k:Capability {id: $capability})
CREATE (d:DealRegistration {id: $id, registeredOn: date($registeredOn), expiresOn: date($expiresOn), status: $status, reason: $reason,
                            partnerId: $partner, customerId: $customer, capabilityId: $capability})
CREATE (d)-[:REGISTERED_BY]->(p), (d)-[:CLAIMS]->(c), (d)-[:COVERS]->(k)
RETURN ` + REGISTRATION_ROW + ` AS registration`;

/**
 * What decideDealRegistration checks, read under the customer's lock: the registration
 * as it is now and, when it is to be approved, the rivals of its window (as above).
 */
export const READ_FOR_DECIDE = `
MATCH (d:DealRegistration {id: $id})-[:CLAIMS]->(c:Customer)
MATCH (d)-[:REGISTERED_BY]->(p:Partner), (d)-[:COVERS]->(k:Capability)
RETURN c.id AS customer, p.id AS partner, k.id AS capability, d.status AS previous, d.reason AS previousReason,
       CASE WHEN $status <> 'APPROVED' THEN [] ELSE COLLECT {
         MATCH (c)<-[:CLAIMS]-(r:DealRegistration {status: 'APPROVED'})-[:COVERS]->(k)
         WHERE r <> d AND r.registeredOn < d.expiresOn AND d.registeredOn < r.expiresOn
           AND NOT EXISTS { MATCH (r)-[:REGISTERED_BY]->(p) }
         WITH r ORDER BY r.registeredOn, r.id
         RETURN r.id } END AS rivals`;

export const SET_DECISION = `
MATCH (d:DealRegistration {id: $id})
SET d.status = $status, d.reason = $reason
RETURN ` + REGISTRATION_ROW + ` AS registration`;

/** The list's filter (contract: DealRegistrationFilter); `inForce` as of `$today`. */
const FILTER = `
WHERE ($scope IS NULL OR EXISTS { MATCH (d)-[:REGISTERED_BY]->(:Partner {id: $scope}) })
  AND ($partnerId IS NULL OR EXISTS { MATCH (d)-[:REGISTERED_BY]->(:Partner {id: $partnerId}) })
  AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:CLAIMS]->(:Customer {id: $customerId}) })
  AND ($status IS NULL OR d.status = $status)
  AND ($inForce IS NULL OR (d.status IN ['PENDING', 'APPROVED'] AND d.registeredOn <= date($today) AND date($today) < d.expiresOn) = $inForce)`;

/**
 * One page in the list's order, registeredOn then id; `$after` is [registeredOn, id] of
 * the last row seen. `start` binds `d`: from the partner (a PARTNER token's own, or the
 * filter's), else from the customer, else every registration, so a scoped or filtered
 * list reads only that partner's or customer's registrations.
 */
function page(start: string): string {
  return `
CALL () { ` + start + FILTER + ` RETURN count(d) AS totalCount }
CALL () {
  ` + start + FILTER + `
    AND ($after IS NULL OR d.registeredOn > date($after[0]) OR (d.registeredOn = date($after[0]) AND d.id > $after[1]))
  WITH d ORDER BY d.registeredOn, d.id LIMIT $limit
  RETURN collect(` + REGISTRATION_ROW + `) AS page
}
RETURN totalCount, page`;
}

export const PAGE_OF_PARTNER = page('MATCH (:Partner {id: $start})<-[:REGISTERED_BY]-(d:DealRegistration)');
export const PAGE_OF_CUSTOMER = page('MATCH (:Customer {id: $start})<-[:CLAIMS]-(d:DealRegistration)');
export const PAGE_OF_ALL = page('MATCH (d:DealRegistration)');
