/**
 * Coverage (contract: CoverageCell), demand and supply counted next to the data.
 *
 * A cell is (region, capability), or (region, industry, capability) with byIndustry.
 * demand: PLANNED or ACTIVE engagements whose customer is in the region (and industry)
 * and that require the capability. supply: ACTIVE partners operating in the region (and
 * serving the industry) holding the capability at minLevel or higher. Only cells with
 * demand are listed.
 *
 * `$without` lists partners to leave out of the supply (an exit); the supply with them
 * is returned too, so one statement answers both coverageGaps and exitImpact.
 */

export interface CoverageCellRow {
  region: { code: string; name: string };
  industry: { code: string; name: string } | null;
  capability: { id: string; name: string };
  demand: number;
  /** Supplying partners by id, leaving out `$without`. */
  partners: string[];
  /** Supply counting every partner, `$without` included. */
  supplyBefore: number;
  status: 'UNCOVERED' | 'SINGLE_POINT' | 'THIN' | 'COVERED';
}

/**
 * Demand and supply are each read in one pass and joined on a cell key
 * ("region|industry|capability"), instead of looking for suppliers cell by cell: at
 * 10,000 partners that look-up visited every holder of the capability for each of the
 * ~1,500 cells (3.2 s, measured); one pass over the partners' holdings is linear.
 */
export const COVERAGE_CELLS = `
CALL () {
  MATCH (e:Engagement)-[:REQUIRES]->(cap:Capability)
  WHERE e.status IN ['PLANNED', 'ACTIVE'] AND ($capabilities IS NULL OR cap.id IN $capabilities)
  MATCH (e)-[:FOR]->(c:Customer)-[:LOCATED_IN]->(g:Region)
  WHERE $regions IS NULL OR g.code IN $regions
  OPTIONAL MATCH (c)-[:IN_INDUSTRY]->(ind:Industry)
  WITH e, g, CASE WHEN $byIndustry THEN ind ELSE null END AS i, cap
  WHERE NOT ($byIndustry AND i IS NULL)
  RETURN g.code + '|' + coalesce(i.code, '') + '|' + cap.id AS key, g, i, cap, e AS wanted, null AS supplier
  UNION ALL
  MATCH (p:Partner {status: 'ACTIVE'})-[h:HOLDS]->(cap:Capability)
  WHERE h.level >= $minLevel AND ($capabilities IS NULL OR cap.id IN $capabilities)
  MATCH (p)-[:OPERATES_IN]->(g:Region)
  WHERE $regions IS NULL OR g.code IN $regions
  OPTIONAL MATCH (p)-[:SERVES]->(ind:Industry) WHERE $byIndustry
  WITH p, g, ind, cap WHERE NOT $byIndustry OR ind IS NOT NULL
  RETURN g.code + '|' + coalesce(ind.code, '') + '|' + cap.id AS key, null AS g, null AS i, null AS cap, null AS wanted, p.id AS supplier
}
WITH key, g, i, cap, wanted, supplier ORDER BY supplier
WITH key, head(collect(g)) AS g, head(collect(i)) AS i, head(collect(cap)) AS cap,
     count(DISTINCT wanted) AS demand, collect(DISTINCT supplier) AS suppliers
WHERE demand > 0
WITH g, i, cap, demand, suppliers, [id IN suppliers WHERE NOT id IN $without] AS partners
WITH g, i, cap, demand, partners, size(suppliers) AS supplyBefore,
     CASE
       WHEN size(partners) = 0 THEN 'UNCOVERED'
       WHEN size(partners) = 1 THEN 'SINGLE_POINT'
       WHEN toFloat(demand) / size(partners) > $thinRatio THEN 'THIN'
       ELSE 'COVERED'
     END AS status
WHERE $includeCovered OR status <> 'COVERED'
RETURN g{.code, .name} AS region, CASE WHEN i IS NULL THEN null ELSE i{.code, .name} END AS industry,
       cap{.id, .name} AS capability, demand, partners, supplyBefore, status
ORDER BY CASE status WHEN 'UNCOVERED' THEN 0 WHEN 'SINGLE_POINT' THEN 1 WHEN 'THIN' THEN 2 ELSE 3 END,
         demand DESC, g.code, i.code, cap.id`;

/** PLANNED or ACTIVE engagements whose orchestrator today is one of `$partners`, by id. */
export const ORPHANED_ENGAGEMENTS = `
MATCH (p:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e:Engagement)
WHERE p.id IN $partners AND e.status IN ['PLANNED', 'ACTIVE']
  AND r.from <= date($today) AND (r.to IS NULL OR date($today) < r.to)
WITH DISTINCT e ORDER BY e.id
RETURN collect(e.id) AS ids`;

/** PENDING or IN_PROGRESS commitments owned by one of `$partners`, by id. */
export const AT_RISK_COMMITMENTS = `
MATCH (m:Commitment)-[:OWNED_BY]->(p:Partner)
WHERE p.id IN $partners AND m.status IN ['PENDING', 'IN_PROGRESS']
WITH m ORDER BY m.id
RETURN collect(m.id) AS ids`;

export const EXISTING_PARTNERS = `
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN collect(p.id) AS ids`;
