/**
 * The missing skills of one engagement, with ranked candidates (contract:
 * EngagementGapReport, "Candidates").
 *
 * A requirement is missing when no partner participating today holds the capability at
 * the required level. Candidates: ACTIVE partners not participating today, operating
 * in the customer's region, holding the capability at the required level or higher;
 * ranked by level, then by the engagements they share with the current orchestrator,
 * then by outcome success rate over both roles (none = 0), then by id.
 */

export interface EngagementGapsRow {
  engagementId: string;
  orchestrationGap: boolean;
  missing: Array<{ capability: { id: string; name: string }; level: number; candidates: string[] }>;
}

export const ENGAGEMENT_GAPS = `
MATCH (e:Engagement {id: $id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
CALL (e) {
  OPTIONAL MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
  WHERE r.from <= date($today) AND (r.to IS NULL OR date($today) < r.to)
  RETURN collect(DISTINCT p) AS present,
         head(collect(CASE WHEN r.role = 'ORCHESTRATOR' THEN p END)) AS orchestrator
}
CALL (e, present, orchestrator) {
  OPTIONAL MATCH (e)-[q:REQUIRES]->(cap:Capability)
  WHERE cap IS NOT NULL
    AND NOT EXISTS { MATCH (x:Partner)-[h:HOLDS]->(cap) WHERE x IN present AND h.level >= q.level }
  CALL (e, q, cap, present, orchestrator) {
    OPTIONAL MATCH (e)-[:FOR]->(:Customer)-[:LOCATED_IN]->(g:Region)<-[:OPERATES_IN]-(p:Partner {status: 'ACTIVE'})-[h:HOLDS]->(cap)
    WHERE h.level >= q.level AND NOT p IN present
    WITH DISTINCT p, h.level AS level
    WHERE p IS NOT NULL
    WITH p, level,
         // From the candidate's engagements, each checked against the orchestrator: as one
         // pattern the planner expanded from the orchestrator, and a busy orchestrator's
         // thousands of engagements were walked per candidate (6 s for one engagement at
         // 10,000 partners, measured; 0.15 s this way, same ranking).
         CASE WHEN orchestrator IS NULL THEN 0
              ELSE size([shared IN COLLECT { MATCH (p)-[:PARTICIPATES_IN]->(x:Engagement) RETURN DISTINCT x }
                         WHERE EXISTS { (shared)<-[:PARTICIPATES_IN]-(orchestrator) }]) END AS sharedWithOrchestrator,
         [role IN ['ORCHESTRATOR', 'CONTRIBUTOR'] |
           COLLECT { MATCH (p)-[:PARTICIPATES_IN {role: role}]->(x:Engagement) WITH DISTINCT x
                     MATCH (o:Outcome)-[:OF]->(x) WHERE o.status IN ['MET', 'MISSED', 'PARTIALLY_MET']
                     RETURN o.status }] AS byRole
    WITH p, level, sharedWithOrchestrator, byRole[0] + byRole[1] AS decided
    WITH p, level, sharedWithOrchestrator,
         CASE WHEN size(decided) = 0 THEN 0.0
              ELSE toFloat(size([s IN decided WHERE s = 'MET'])) / size(decided) END AS successRate
    ORDER BY level DESC, sharedWithOrchestrator DESC, successRate DESC, p.id
    LIMIT 100
    RETURN collect(p.id) AS candidates
  }
  WITH cap, q, candidates WHERE cap IS NOT NULL
  ORDER BY cap.id
  RETURN collect({capability: cap{.id, .name}, level: q.level, candidates: candidates}) AS missing
}
RETURN e.id AS engagementId,
       e.status IN ['PLANNED', 'ACTIVE'] AND orchestrator IS NULL AS orchestrationGap,
       missing`;
