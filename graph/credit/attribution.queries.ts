/**
 * Attribution (contract: Analyses, "Attribution"), computed in Cypher.
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
