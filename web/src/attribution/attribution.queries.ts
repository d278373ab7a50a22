/** What the attribution view asks the API: the five models in one request (aliases). */
const SHARE = 'partner { id name } share amount';

export const ATTRIBUTION_QUERY = `query Attribution($id: ID!, $halfLife: Float) {
  engagement(id: $id) {
    id name status value currency startDate
    customer { name }
    contributions { id kind date amount partner { id name } }
  }
  firstTouch: attribution(engagementId: $id, model: FIRST_TOUCH) { ${SHARE} }
  lastTouch: attribution(engagementId: $id, model: LAST_TOUCH) { ${SHARE} }
  linear: attribution(engagementId: $id, model: LINEAR) { ${SHARE} }
  positionBased: attribution(engagementId: $id, model: POSITION_BASED) { ${SHARE} }
  timeDecay: attribution(engagementId: $id, model: TIME_DECAY, halfLifeDays: $halfLife) { ${SHARE} }
}`;

export const ENGAGEMENT_LIST_QUERY = `query EngagementList($after: String) {
  engagements(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } }
}`;

export interface Share { partner: { id: string; name: string }; share: number; amount: number | null }

export interface AttributionData {
  engagement: {
    id: string; name: string; status: string; value: number | null; currency: string | null; startDate: string | null;
    customer: { name: string };
    contributions: Array<{ id: string; kind: string; date: string; amount: number | null; partner: { id: string; name: string } }>;
  } | null;
  firstTouch: Share[];
  lastTouch: Share[];
  linear: Share[];
  positionBased: Share[];
  timeDecay: Share[];
}
