/**
 * The whole ecosystem read back in the import's shape (contract: Import, EcosystemInput),
 * page by page in id order (keyset paging on the id indexes), every list inside a row
 * sorted, so that the same graph always gives the same file.
 */

import type { CapabilityRow, NamedRow } from '../directory/index.ts';

export type { CapabilityRow, NamedRow };

export interface PartnerExportRow {
  id: string; name: string; type: string; status: string | null; tier: string | null;
  regions: string[]; industries: string[];
  capabilities: Array<{ capability: string; level: number; certified: boolean | null }>;
}

export interface CustomerExportRow { id: string; name: string; region: string | null; industry: string | null }

export interface EngagementExportRow {
  id: string; name: string; customer: string | null; status: string;
  value: number | null; currency: string | null; startDate: string | null; endDate: string | null;
  requires: Array<{ capability: string; level: number }>;
  participants: Array<{ partner: string; role: string; from: string; to: string | null }>;
  contributions: Array<{ id: string; partner: string; kind: string; date: string; amount: number | null }>;
  commitments: Array<{ id: string; owner: string | null; description: string; status: string; dueDate: string | null; dependsOn: string[] }>;
  outcomes: Array<{ id: string; description: string; status: string; dueDate: string; dependsOn: string[] }>;
}

export const EXPORT_REGIONS = `
MATCH (g:Region) RETURN g.code AS code, g.name AS name ORDER BY code`;

export const EXPORT_INDUSTRIES = `
MATCH (i:Industry) RETURN i.code AS code, i.name AS name ORDER BY code`;

export const EXPORT_CAPABILITIES = `
MATCH (c:Capability) RETURN c.id AS id, c.name AS name ORDER BY id`;

/** `$after`: the last id of the previous page (null for the first); `$limit` rows. */
export const EXPORT_PARTNER_PAGE = `
MATCH (p:Partner) WHERE $after IS NULL OR p.id > $after
WITH p ORDER BY p.id LIMIT $limit
RETURN p.id AS id, p.name AS name, p.type AS type, p.status AS status, p.tier AS tier,
       COLLECT { MATCH (p)-[:OPERATES_IN]->(g:Region) RETURN g.code ORDER BY g.code } AS regions,
       COLLECT { MATCH (p)-[:SERVES]->(i:Industry) RETURN i.code ORDER BY i.code } AS industries,
       COLLECT { MATCH (p)-[h:HOLDS]->(c:Capability)
                 RETURN {capability: c.id, level: h.level, certified: h.certified} ORDER BY c.id } AS capabilities`;

export const EXPORT_CUSTOMER_PAGE = `
MATCH (c:Customer) WHERE $after IS NULL OR c.id > $after
WITH c ORDER BY c.id LIMIT $limit
RETURN c.id AS id, c.name AS name,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(g:Region) RETURN g.code }[0] AS region,
       COLLECT { MATCH (c)-[:IN_INDUSTRY]->(i:Industry) RETURN i.code }[0] AS industry`;

export const EXPORT_ENGAGEMENT_PAGE = `
MATCH (e:Engagement) WHERE $after IS NULL OR e.id > $after
WITH e ORDER BY e.id LIMIT $limit
RETURN e.id AS id, e.name AS name,
       COLLECT { MATCH (e)-[:FOR]->(c:Customer) RETURN c.id }[0] AS customer,
       e.status AS status, e.value AS value, e.currency AS currency,
       toString(e.startDate) AS startDate, toString(e.endDate) AS endDate,
       COLLECT { MATCH (e)-[q:REQUIRES]->(c:Capability) RETURN {capability: c.id, level: q.level} ORDER BY c.id } AS requires,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
                 RETURN {partner: p.id, role: r.role, from: toString(r.from), to: toString(r.to)}
                 ORDER BY r.from, p.id, r.role } AS participants,
       COLLECT { MATCH (p:Partner)-[:CONTRIBUTED]->(k:Contribution)-[:TO]->(e)
                 RETURN {id: k.id, partner: p.id, kind: k.kind, date: toString(k.date), amount: k.amount} ORDER BY k.id } AS contributions,
       COLLECT { MATCH (m:Commitment)-[:PART_OF]->(e)
                 RETURN {id: m.id, owner: COLLECT { MATCH (m)-[:OWNED_BY]->(o:Partner) RETURN o.id }[0],
                         description: m.description, status: m.status, dueDate: toString(m.dueDate),
                         dependsOn: COLLECT { MATCH (m)-[:DEPENDS_ON]->(d:Commitment) RETURN d.id ORDER BY d.id }}
                 ORDER BY m.id } AS commitments,
       COLLECT { MATCH (o:Outcome)-[:OF]->(e)
                 RETURN {id: o.id, description: o.description, status: o.status, dueDate: toString(o.dueDate),
                         dependsOn: COLLECT { MATCH (o)-[:DEPENDS_ON]->(d:Commitment) RETURN d.id ORDER BY d.id }}
                 ORDER BY o.id } AS outcomes`;

export interface DealRegistrationExportRow {
  id: string; partner: string | null; customer: string | null; capability: string | null;
  registeredOn: string; expiresOn: string; status: string; reason: string | null;
}

export const EXPORT_DEAL_REGISTRATION_PAGE = `
MATCH (d:DealRegistration) WHERE $after IS NULL OR d.id > $after
WITH d ORDER BY d.id LIMIT $limit
RETURN d.id AS id,
       COLLECT { MATCH (d)-[:REGISTERED_BY]->(p:Partner) RETURN p.id }[0] AS partner,
       COLLECT { MATCH (d)-[:CLAIMS]->(c:Customer) RETURN c.id }[0] AS customer,
       COLLECT { MATCH (d)-[:COVERS]->(k:Capability) RETURN k.id }[0] AS capability,
       toString(d.registeredOn) AS registeredOn, toString(d.expiresOn) AS expiresOn, d.status AS status, d.reason AS reason`;
