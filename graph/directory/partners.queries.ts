/**
 * The partner directory. Every token may read it (contract: Access), so these
 * statements take no scope.
 */
export interface NamedRow { code: string; name: string }
export interface CapabilityRow { id: string; name: string }
export interface HoldingRow { capability: CapabilityRow; level: number; certified: boolean }

/** A partner; the lists are present when they were asked for (PartnerParts). */
export interface PartnerRow {
  id: string;
  name: string;
  type: string;
  status: string;
  tier: string | null;
  regions?: NamedRow[];
  industries?: NamedRow[];
  capabilities?: HoldingRow[];
}

/** Which of a partner's lists a read returns: each is a subquery per partner, so none is read unasked. */
export interface PartnerParts { regions: boolean; industries: boolean; capabilities: boolean }

export const ALL_PARTNER_PARTS: PartnerParts = { regions: true, industries: true, capabilities: true };

const PARTNER_LISTS: Record<keyof PartnerParts, string> = {
  regions: `regions: COLLECT { MATCH (p)-[:OPERATES_IN]->(g:Region) RETURN g{.code, .name} ORDER BY g.code }`,
  industries: `industries: COLLECT { MATCH (p)-[:SERVES]->(i:Industry) RETURN i{.code, .name} ORDER BY i.code }`,
  capabilities: `capabilities: COLLECT { MATCH (p)-[h:HOLDS]->(c:Capability)
                          RETURN {capability: c{.id, .name}, level: h.level, certified: h.certified} ORDER BY c.id }`,
};

/** The projection of a partner bound to `p`, shared by every partner query: its properties and the lists in `parts`. */
export function partnerFields(parts: PartnerParts): string {
  const lists = (Object.keys(PARTNER_LISTS) as Array<keyof PartnerParts>).filter((k) => parts[k]).map((k) => PARTNER_LISTS[k]);
  return `{
  .id, .name, .type, .status, .tier` + lists.map((l) => `,
  ${l}`).join('') + `
}`;
}

export const partnersByIdsStatement = (parts: PartnerParts) => `
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN p` + partnerFields(parts) + ` AS partner`;

export interface PartnerFilterParams {
  types: string[] | null;
  regions: string[] | null;
  industries: string[] | null;
  capabilities: string[] | null;
  status: string | null;
  /** Lower-cased already. */
  nameContains: string | null;
}

/** List filters match any of their values; different filters must all match. */
const PARTNER_FILTER = `
    ($types IS NULL OR p.type IN $types)
    AND ($status IS NULL OR p.status = $status)
    AND ($nameContains IS NULL OR p.nameLower CONTAINS $nameContains)
    AND ($regions IS NULL OR EXISTS { MATCH (p)-[:OPERATES_IN]->(g:Region) WHERE g.code IN $regions })
    AND ($industries IS NULL OR EXISTS { MATCH (p)-[:SERVES]->(i:Industry) WHERE i.code IN $industries })
    AND ($capabilities IS NULL OR EXISTS { MATCH (p)-[:HOLDS]->(c:Capability) WHERE c.id IN $capabilities })`;

/**
 * One page of partners by id after the `$after` id (`$limit` rows), and, `withTotal`,
 * the total that match (without it, null: counting reads every match).
 */
export const partnerPageStatement = (parts: PartnerParts, withTotal: boolean) => (withTotal ? `
CALL () { MATCH (p:Partner) WHERE` + PARTNER_FILTER + ` RETURN count(p) AS totalCount }` : '') + `
CALL () {
  MATCH (p:Partner) WHERE ($after IS NULL OR p.id > $after) AND` + PARTNER_FILTER + `
  WITH p ORDER BY p.id LIMIT $limit
  RETURN collect(p` + partnerFields(parts) + `) AS page
}
RETURN ` + (withTotal ? 'totalCount' : 'null AS totalCount') + `, page`;
