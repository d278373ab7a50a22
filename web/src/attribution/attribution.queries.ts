/**
 * What the attribution view asks the API: the five models in one request (aliases). The
 * fragment follows the query, in the same graphql() call: the generated registry names a
 * source by its first definition.
 */
import { graphql } from '../api/generated/index.ts';
import type { AttributionQuery, AttributionShareFieldsFragment } from '../api/generated/graphql.ts';

export const ATTRIBUTION_QUERY = graphql(`
  query Attribution($id: ID!, $halfLife: Float) {
    engagement(id: $id) {
      id name status value currency startDate
      customer { name }
      contributions { id kind date amount partner { id name } }
    }
    firstTouch: attribution(engagementId: $id, model: FIRST_TOUCH) { ...AttributionShareFields }
    lastTouch: attribution(engagementId: $id, model: LAST_TOUCH) { ...AttributionShareFields }
    linear: attribution(engagementId: $id, model: LINEAR) { ...AttributionShareFields }
    positionBased: attribution(engagementId: $id, model: POSITION_BASED) { ...AttributionShareFields }
    timeDecay: attribution(engagementId: $id, model: TIME_DECAY, halfLifeDays: $halfLife) { ...AttributionShareFields }
  }

  fragment AttributionShareFields on AttributionShare { partner { id name } share amount }
`);

export const ENGAGEMENT_LIST_QUERY = graphql(`
  query EngagementList($after: String) {
    engagements(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } }
  }
`);

export type AttributionData = AttributionQuery;
export type Share = AttributionShareFieldsFragment;
