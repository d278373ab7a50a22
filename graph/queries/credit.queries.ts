/**
 * Credit (contract: Analyses, "Attribution" and "Ecosystem health"), computed in Cypher.
 *
 * The touches of an engagement are its contributions in order of date, then id; n is
 * their number. Weights by model: FIRST_TOUCH all to the first; LAST_TOUCH all to the
 * last; LINEAR 1/n each; POSITION_BASED 1 (n = 1), 1/2 each (n = 2), else 0.4 first,
 * 0.4 last, 0.2/(n-2) each other; TIME_DECAY 2^(-(d_last - d_i)/halfLifeDays), d in
 * days, normalised to sum 1. A partner's share is the sum over its touches.
 */

export interface AttributionRow {
  found: boolean;
  value: number | null;
  shares: Array<{ partnerId: string; share: number }>;
}

export const ATTRIBUTION = `
OPTIONAL MATCH (e:Engagement {id: $id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
CALL (e) {
  OPTIONAL MATCH (p:Partner)-[:CONTRIBUTED]->(k:Contribution)-[:TO]->(e)
  WITH p, k WHERE k IS NOT NULL
  ORDER BY k.date, k.id
  RETURN collect({partnerId: p.id, date: k.date}) AS touches
}
WITH e, touches, size(touches) AS n
// Whole-number weights where the model allows, so shares come out as exact as floats get
// (LINEAR 1 each over n; POSITION_BASED 2(n-2) at both ends and 1 between, over 5(n-2)).
WITH e, touches, n, [i IN range(0, n - 1) |
  CASE $model
    WHEN 'FIRST_TOUCH' THEN CASE WHEN i = 0 THEN 1.0 ELSE 0.0 END
    WHEN 'LAST_TOUCH' THEN CASE WHEN i = n - 1 THEN 1.0 ELSE 0.0 END
    WHEN 'LINEAR' THEN 1.0
    WHEN 'POSITION_BASED' THEN
      CASE WHEN n <= 2 THEN 1.0 WHEN i = 0 OR i = n - 1 THEN 2.0 * (n - 2) ELSE 1.0 END
    WHEN 'TIME_DECAY' THEN 2.0 ^ (-1.0 * duration.inDays(touches[i].date, touches[n - 1].date).days / $halfLifeDays)
  END] AS raw
WITH e, touches, raw, reduce(total = 0.0, w IN raw | total + w) AS total
CALL (touches, raw, total) {
  UNWIND range(0, size(touches) - 1) AS i
  WITH touches[i].partnerId AS partnerId, sum(raw[i] / total) AS share
  WHERE share > 0
  WITH partnerId, share ORDER BY share DESC, partnerId
  // No grouping key: one row, an empty list, when there are no touches.
  RETURN collect({partnerId: partnerId, share: share}) AS shares
}
RETURN e IS NOT NULL AS found, e.value AS value, shares`;

export interface HealthRow {
  partners: number;
  activePartners: number;
  engagements: number;
  outcomeSuccessRate: number | null;
  valueGini: number;
  topDecileValueShare: number;
  longTail: number;
}

/**
 * Value of a partner: the sum, over engagements with a value, of its LINEAR share times
 * the value. Gini over ACTIVE partners (zeros included) from the sorted values:
 * sum_i sum_j |x_i - x_j| = 2 sum_i (2i - n - 1) x_(i), so no O(n^2) pairs.
 */
export const ECOSYSTEM_HEALTH = `
CALL () {
  MATCH (p:Partner {status: 'ACTIVE'})
  OPTIONAL MATCH (p)-[:CONTRIBUTED]->(:Contribution)-[:TO]->(e:Engagement)
  WHERE e.value IS NOT NULL
  WITH p, sum(CASE WHEN e IS NULL THEN 0.0 ELSE toFloat(e.value) / COUNT { MATCH (:Contribution)-[:TO]->(e) } END) AS value
  WITH value ORDER BY value
  RETURN collect(value) AS values
}
CALL () {
  MATCH (e:Engagement)
  WHERE e.value IS NOT NULL AND EXISTS { MATCH (:Contribution)-[:TO]->(e) }
  RETURN sum(toFloat(e.value)) AS allTotal
}
WITH values, size(values) AS n, reduce(s = 0.0, v IN values | s + v) AS activeTotal, allTotal
WITH values, n, activeTotal, allTotal,
     CASE WHEN n = 0 OR activeTotal = 0 THEN 0.0
          ELSE reduce(s = 0.0, i IN range(0, n - 1) | s + (2 * (i + 1) - n - 1) * values[i]) / (n * activeTotal) END AS gini,
     CASE WHEN n / 10 < 1 THEN 1 ELSE n / 10 END AS top
RETURN
  COUNT { MATCH (:Partner) } AS partners,
  n AS activePartners,
  COUNT { MATCH (:Engagement) } AS engagements,
  CASE WHEN COUNT { MATCH (o:Outcome) WHERE o.status IN ['MET', 'MISSED', 'PARTIALLY_MET'] } = 0 THEN null
       ELSE toFloat(COUNT { MATCH (o:Outcome {status: 'MET'}) })
            / COUNT { MATCH (o:Outcome) WHERE o.status IN ['MET', 'MISSED', 'PARTIALLY_MET'] } END AS outcomeSuccessRate,
  gini AS valueGini,
  CASE WHEN allTotal = 0 THEN 0.0 ELSE reduce(s = 0.0, v IN values[n - top..] | s + v) / allTotal END AS topDecileValueShare,
  COUNT { MATCH (p:Partner {status: 'ACTIVE'})
          WHERE NOT EXISTS { MATCH (p)-[:PARTICIPATES_IN]->(e:Engagement) WHERE e.status IN ['PLANNED', 'ACTIVE'] } } AS longTail`;
