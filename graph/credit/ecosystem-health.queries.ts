/**
 * Ecosystem health (contract: Analyses, "Ecosystem health"), aggregated in Cypher, in
 * two parts: each ACTIVE partner's figures (PARTNER_FIGURES), and the summary over all
 * of them (summary). `ecosystemHealth` runs both over the whole graph. A scenario
 * (graph/scenarios) changes a handful of partners: it keeps the stored graph's figures
 * and, on its changed graph, runs PARTNER_FIGURES for the partners it changed and the
 * same summary over the result (HEALTH_AFTER_CHANGES): the same statements, without
 * walking every partner's contributions again (at 10,000 partners, 600 ms of a
 * scenario's 1,000).
 */

export interface HealthRow {
  partners: number;
  activePartners: number;
  engagements: number;
  outcomeSuccessRate: number | null;
  valueGini: number;
  topDecileValueShare: number;
  longTail: number;
}

/** One ACTIVE partner's part in the health: its value, and whether it is in the long tail. */
export interface PartnerFigures { id: string; value: number; idle: boolean }

/** What the summary needs besides the partners' figures; a scenario's changes leave these as they are. */
export interface HealthTotals { allTotal: number; decided: number; met: number }

/**
 * Per ACTIVE partner bound to `p`: its value, the sum over engagements with a value of
 * its LINEAR share times the value, and `idle`: no role in a PLANNED or ACTIVE
 * engagement (the long tail). An engagement's contributions are counted as the degree
 * of its incoming TO relationships (only contributions have them), which Neo4j reads
 * from the node without visiting them: at S, 66 ms against 140 ms for matching each one.
 */
const PARTNER_FIGURES = `
  OPTIONAL MATCH (p)-[:CONTRIBUTED]->(:Contribution)-[:TO]->(e:Engagement)
  WHERE e.value IS NOT NULL
  WITH p, sum(CASE WHEN e IS NULL THEN 0.0 ELSE toFloat(e.value) / COUNT { (e)<-[:TO]-() } END) AS value
  RETURN {id: p.id, value: value,
          idle: NOT EXISTS { MATCH (p)-[:PARTICIPATES_IN]->(e:Engagement) WHERE e.status IN ['PLANNED', 'ACTIVE'] }} AS figure`;

/** The totals over engagements and outcomes, bound as allTotal, decided and met. */
const TOTALS = `
CALL () {
  MATCH (e:Engagement)
  WHERE e.value IS NOT NULL AND EXISTS { (e)<-[:TO]-() }
  RETURN sum(toFloat(e.value)) AS allTotal
}
CALL () {
  // One pass over the decided outcomes (the status index), not one count per figure.
  MATCH (o:Outcome) WHERE o.status IN ['MET', 'MISSED', 'PARTIALLY_MET']
  RETURN count(o) AS decided, count(CASE WHEN o.status = 'MET' THEN 1 END) AS met
}`;

/**
 * The health from `figures` (every ACTIVE partner's) and the totals. Gini over the ACTIVE
 * partners (zeros included) from the sorted values:
 * sum_i sum_j |x_i - x_j| = 2 sum_i (2i - n - 1) x_(i), so no O(n^2) pairs.
 */
const summary = (more: '' | ', figures') => `
CALL (figures) {
  UNWIND figures AS f
  WITH f.value AS value ORDER BY value
  RETURN collect(value) AS values
}
WITH values, size(values) AS n, reduce(s = 0.0, v IN values | s + v) AS activeTotal, allTotal, decided, met,
     size([f IN figures WHERE f.idle]) AS longTail` + more + `
WITH values, n, activeTotal, allTotal, decided, met, longTail` + more + `,
     CASE WHEN n = 0 OR activeTotal = 0 THEN 0.0
          ELSE reduce(s = 0.0, i IN range(0, n - 1) | s + (2 * (i + 1) - n - 1) * values[i]) / (n * activeTotal) END AS gini,
     CASE WHEN n / 10 < 1 THEN 1 ELSE n / 10 END AS top
RETURN
  COUNT { MATCH (:Partner) } AS partners,
  n AS activePartners,
  COUNT { MATCH (:Engagement) } AS engagements,
  CASE WHEN decided = 0 THEN null ELSE toFloat(met) / decided END AS outcomeSuccessRate,
  gini AS valueGini,
  CASE WHEN allTotal = 0 THEN 0.0 ELSE reduce(s = 0.0, v IN values[n - top..] | s + v) / allTotal END AS topDecileValueShare,
  longTail` + more;

const EVERY_PARTNER = `
CALL () {
  MATCH (p:Partner {status: 'ACTIVE'})
  ` + PARTNER_FIGURES + `
}
WITH collect(figure) AS figures
` + TOTALS;

/** The health of the whole graph. */
export const ECOSYSTEM_HEALTH = EVERY_PARTNER + summary('');

/** The same, with what HEALTH_AFTER_CHANGES starts from: every ACTIVE partner's figures and the totals. */
export const ECOSYSTEM_HEALTH_WITH_FIGURES = EVERY_PARTNER + summary(', figures') + `,
  {allTotal: allTotal, decided: decided, met: met} AS totals`;

/**
 * The health after changes to the partners `$changed` (ids): `$figures` and `$totals`
 * as ECOSYSTEM_HEALTH_WITH_FIGURES read them before the changes, with the figures of
 * the changed partners read again (a partner no longer ACTIVE has none).
 */
export const HEALTH_AFTER_CHANGES = `
CALL () {
  MATCH (p:Partner {status: 'ACTIVE'}) WHERE p.id IN $changed
  ` + PARTNER_FIGURES + `
}
WITH collect(figure) AS fresh
WITH [f IN $figures WHERE NOT f.id IN $changed] + fresh AS figures,
     $totals.allTotal AS allTotal, $totals.decided AS decided, $totals.met AS met
` + summary('');
