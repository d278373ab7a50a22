/**
 * Attribution's flag (contract: Deal registration, "how a registration relates to
 * attribution"): the SOURCED touches of one engagement that fall in another partner's
 * APPROVED registration, as the very rows dealConflicts reads (graph/deals), so the
 * two can never disagree. Within the caller's scope; a PARTNER token sees the conflict
 * but, as everywhere, only its own registrations in it (`$scope` in the shape's rows).
 */
import { ALL_CONFLICT_FIELDS, CONFLICT_COLUMNS, conflictShape } from '../deals/index.ts';

/** Every field of each conflict. */
export const SOURCED_CONFLICT_SHAPE = conflictShape(ALL_CONFLICT_FIELDS);

export const SOURCED_CONFLICTS_OF_ENGAGEMENT = `
MATCH (engagement:Engagement {id: $id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(engagement) }
MATCH (engagement)<-[:TO]-(t:Contribution)
WITH t
` + SOURCED_CONFLICT_SHAPE.sourcedRows + `
RETURN src.id AS partnerId, ` + CONFLICT_COLUMNS + `
ORDER BY customerId, capabilityId, contributionId`;
