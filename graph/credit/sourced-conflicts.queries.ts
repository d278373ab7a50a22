/**
 * Attribution's flag (contract: Deal registration, "how a registration relates to
 * attribution"): the SOURCED touches of one engagement that fall in another partner's
 * APPROVED registration, by the very fragment dealConflicts uses (graph/deals), so the
 * two can never disagree. Within the caller's scope; a PARTNER token sees the conflict
 * but, as everywhere, only its own registrations in it.
 */
import { SOURCED_AGAINST_REGISTRATION } from '../deals/index.ts';

export const SOURCED_CONFLICTS_OF_ENGAGEMENT = `
MATCH (e:Engagement {id: $id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
WITH e
` + SOURCED_AGAINST_REGISTRATION + `
RETURN src.id AS partnerId,
       conflict{.*, registrations: [r IN conflict.registrations WHERE $scope IS NULL OR r.partnerId = $scope]} AS conflict
ORDER BY customerId, capabilityId, contributionId`;
