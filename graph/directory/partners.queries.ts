/**
 * The partner directory. Every token may read it (contract: Access), so these
 * statements take no scope.
 */
export interface NamedRow { code: string; name: string }
export interface CapabilityRow { id: string; name: string }
export interface HoldingRow { capability: CapabilityRow; level: number; certified: boolean }

export interface PartnerRow {
  id: string;
  name: string;
  type: string;
  status: string;
  tier: string | null;
  regions: NamedRow[];
  industries: NamedRow[];
  capabilities: HoldingRow[];
}

/** The projection of a partner bound to `p`, shared by every partner query. */
const PARTNER_FIELDS = `{
  .id, .name, .type, .status, .tier,
  regions: COLLECT { MATCH (p)-[:OPERATES_IN]->(g:Region) RETURN g{.code, .name} ORDER BY g.code },
  industries: COLLECT { MATCH (p)-[:SERVES]->(i:Industry) RETURN i{.code, .name} ORDER BY i.code },
  capabilities: COLLECT { MATCH (p)-[h:HOLDS]->(c:Capability)
                          RETURN {capability: c{.id, .name}, level: h.level, certified: h.certified} ORDER BY c.id }
}`;

export const PARTNERS_BY_IDS = `
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN p` + PARTNER_FIELDS + ` AS partner`;

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

/** One page of partners by id after the `$after` id (`$limit` rows), and the total that match. */
export const PARTNER_PAGE = `
CALL () { MATCH (p:Partner) WHERE` + PARTNER_FILTER + ` RETURN count(p) AS totalCount }
CALL () {
  MATCH (p:Partner) WHERE ($after IS NULL OR p.id > $after) AND` + PARTNER_FILTER + `
  WITH p ORDER BY p.id LIMIT $limit
  RETURN collect(p` + PARTNER_FIELDS + `) AS page
}
RETURN totalCount, page`;
