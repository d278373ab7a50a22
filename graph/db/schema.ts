/**
 * Schema as code: uniqueness constraints on every label's id and the indexes the
 * queries need. Every statement is `IF NOT EXISTS`, so applying it at each start is
 * idempotent.
 *
 * The graph model, in the contract's words:
 *
 *   (:Partner)-[:OPERATES_IN]->(:Region)       (:Customer)-[:LOCATED_IN]->(:Region)
 *   (:Partner)-[:SERVES]->(:Industry)          (:Customer)-[:IN_INDUSTRY]->(:Industry)
 *   (:Partner)-[:HOLDS {level, certified}]->(:Capability)
 *   (:Engagement)-[:FOR]->(:Customer)          (:Engagement)-[:REQUIRES {level}]->(:Capability)
 *   (:Partner)-[:PARTICIPATES_IN {role, from, to}]->(:Engagement)    a Participation (role interval)
 *   (:Partner)-[:CONTRIBUTED]->(:Contribution)-[:TO]->(:Engagement)
 *   (:Commitment)-[:OWNED_BY]->(:Partner)      (:Commitment)-[:PART_OF]->(:Engagement)
 *   (:Outcome)-[:OF]->(:Engagement)
 *   (:Outcome|Commitment)-[:DEPENDS_ON]->(:Commitment)               acyclic, may cross engagements
 *   (:ApiToken {id, hash, role, partnerId, label})
 *   (:GraphState:GraphChange)                  one per write transaction; their count is the
 *                                              graph version (version.ts)
 *   (:GraphState {key: 'import'})              locked by every import, so imports validate
 *                                              against a store no other import changes
 *   (:AuditEntry {at, tokenId, role, operation, ids})   one per successful write
 *   (:Event {id, seq, type, at, data, partners})  the outbox: recorded by each successful
 *                                              write, numbered by graph/events' sequencer
 *   (:GraphState {key: 'events', seq})          the sequencer's counter and lock
 *   (:Webhook {id, url, events, partnerId, ...}), (:WebhookDelivery {id, webhookId, eventId, ...})
 *   (:DealRegistration {id, registeredOn, expiresOn, status, reason, partnerId, customerId, capabilityId})   graph/deals
 *     -[:REGISTERED_BY]->(:Partner), -[:CLAIMS]->(:Customer), -[:COVERS]->(:Capability)
 *   (:Contribution)-[:AGAINST]->(:DealRegistration)   derived: a SOURCED touch inside another
 *                                              partner's APPROVED window (graph/deals keeps them
 *                                              with every write; never imported or exported)
 *   (:GraphState {key: 'sourcedAgainst'})      the AGAINST pairs were built for this store
 *
 * Dates are stored as native Neo4j dates; a Participation's `to` is absent while the
 * role is still held, so "held on D" is `r.from <= D AND (r.to IS NULL OR D < r.to)`
 * over the indexed `from` / `to` properties.
 */
import type { Graph } from './executor.ts';

/** [label, key property] pairs that are unique. */
export const UNIQUE_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['Region', 'code'],
  ['Industry', 'code'],
  ['Capability', 'id'],
  ['Partner', 'id'],
  ['Customer', 'id'],
  ['Engagement', 'id'],
  ['Contribution', 'id'],
  ['Outcome', 'id'],
  ['Commitment', 'id'],
  ['ApiToken', 'id'],
  ['ApiToken', 'hash'],
  ['GraphState', 'key'],
  ['AuditEntry', 'id'],
  ['Event', 'id'],
  ['Webhook', 'id'],
  ['WebhookDelivery', 'id'],
  ['DealRegistration', 'id'],
  ['BrowserSession', 'hash'],
];

const STATEMENTS: readonly string[] = [
  // One per entry of UNIQUE_KEYS, written out: no Cypher is built from strings here.
  'CREATE CONSTRAINT region_code_unique IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT industry_code_unique IF NOT EXISTS FOR (n:Industry) REQUIRE n.code IS UNIQUE',
  'CREATE CONSTRAINT capability_id_unique IF NOT EXISTS FOR (n:Capability) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT partner_id_unique IF NOT EXISTS FOR (n:Partner) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT customer_id_unique IF NOT EXISTS FOR (n:Customer) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT engagement_id_unique IF NOT EXISTS FOR (n:Engagement) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT contribution_id_unique IF NOT EXISTS FOR (n:Contribution) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT outcome_id_unique IF NOT EXISTS FOR (n:Outcome) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT commitment_id_unique IF NOT EXISTS FOR (n:Commitment) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT apitoken_id_unique IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT apitoken_hash_unique IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE',
  'CREATE CONSTRAINT graphstate_key_unique IF NOT EXISTS FOR (n:GraphState) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT auditentry_id_unique IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT event_id_unique IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT webhook_id_unique IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT webhookdelivery_id_unique IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX partner_type IF NOT EXISTS FOR (n:Partner) ON (n.type)',
  'CREATE INDEX partner_status IF NOT EXISTS FOR (n:Partner) ON (n.status)',
  'CREATE INDEX partner_name_lower IF NOT EXISTS FOR (n:Partner) ON (n.nameLower)',
  'CREATE INDEX engagement_status IF NOT EXISTS FOR (n:Engagement) ON (n.status)',
  'CREATE INDEX engagement_start IF NOT EXISTS FOR (n:Engagement) ON (n.startDate)',
  'CREATE INDEX outcome_status_due IF NOT EXISTS FOR (n:Outcome) ON (n.status, n.dueDate)',
  'CREATE INDEX outcome_due IF NOT EXISTS FOR (n:Outcome) ON (n.dueDate)',
  'CREATE INDEX commitment_status IF NOT EXISTS FOR (n:Commitment) ON (n.status)',
  'CREATE INDEX contribution_date IF NOT EXISTS FOR (n:Contribution) ON (n.date)',
  'CREATE INDEX participation_role_from IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.role, r.from)',
  'CREATE INDEX participation_from IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.from)',
  'CREATE INDEX participation_to IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.to)',
  'CREATE INDEX holds_level IF NOT EXISTS FOR ()-[r:HOLDS]-() ON (r.level)',
  'CREATE INDEX audit_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at)',
  'CREATE INDEX event_seq IF NOT EXISTS FOR (n:Event) ON (n.seq)',
  'CREATE INDEX webhookdelivery_webhook_seq IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.webhookId, n.seq)',
  // Deal registrations (graph/deals): by id; in force on a date and APPROVED ones (the
  // conflicts start there: status, then the window's end); the list's order.
  'CREATE CONSTRAINT dealregistration_id_unique IF NOT EXISTS FOR (n:DealRegistration) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX dealregistration_status_expires IF NOT EXISTS FOR (n:DealRegistration) ON (n.status, n.expiresOn)',
  'CREATE INDEX dealregistration_registered IF NOT EXISTS FOR (n:DealRegistration) ON (n.registeredOn)',
  // SOURCED contributions, where SOURCED_AGAINST_REGISTRATION conflicts start, and the
  // registrations of one customer and capability they are checked against.
  'CREATE INDEX contribution_kind IF NOT EXISTS FOR (n:Contribution) ON (n.kind)',
  'CREATE INDEX dealregistration_claim IF NOT EXISTS FOR (n:DealRegistration) ON (n.customerId, n.capabilityId, n.status)',
  // Browser sessions (graph/access/sessions.ts): found by their id's hash, cleared by idleUntil.
  'CREATE CONSTRAINT browsersession_hash_unique IF NOT EXISTS FOR (n:BrowserSession) REQUIRE n.hash IS UNIQUE',
  'CREATE INDEX browsersession_idle_until IF NOT EXISTS FOR (n:BrowserSession) ON (n.idleUntil)',
];

/** Applies constraints and indexes, then waits until the indexes are online. */
export async function applySchema(graph: Graph): Promise<void> {
  // Schema statements cannot share a transaction with each other's data; one each.
  for (const statement of STATEMENTS) await graph.schema(statement);
  await graph.schema('CALL db.awaitIndexes(300)');
}

/** True when the graph holds no domain data yet (the seed decision of a first start). */
export async function isEmptyGraph(graph: Graph): Promise<boolean> {
  const rows = await graph.read<{ n: number }>(
    'MATCH (n) WHERE NOT n:GraphState AND NOT n:ApiToken AND NOT n:AuditEntry AND NOT n:Event AND NOT n:Webhook AND NOT n:WebhookDelivery AND NOT n:BrowserSession WITH n LIMIT 1 RETURN count(n) AS n');
  return (rows[0]?.n ?? 0) === 0;
}
