/** What the network map asks the API. */
export const NETWORK_QUERY = `query Network($filter: NetworkFilter, $limit: Int) {
  network(filter: $filter, limit: $limit) {
    truncated
    nodes { id kind label partnerType degree betweenness pagerank community }
    edges { source target kind weight }
  }
}`;

/** Engagements for the time slider's range and for LINEAR-attributed value per partner. */
export const ENGAGEMENT_PAGE_QUERY = `query MapEngagements($after: String) {
  engagements(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id value startDate endDate customer { region { code } industry { code } } contributions { partner { id } } } }
  }
}`;

/** Regions and industries that have demand, for the filters (the API has no list of regions). */
export const CATALOG_QUERY = `query Catalog {
  coverageGaps(input: { byIndustry: true }) { region { code name } industry { code name } }
}`;

export const HEALTH_QUERY = `query Health {
  ecosystemHealth { partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail }
}`;

export interface MapEngagement {
  id: string;
  value: number | null;
  startDate: string | null;
  endDate: string | null;
  customer: { region: { code: string }; industry: { code: string } };
  contributions: Array<{ partner: { id: string } }>;
}

export interface EngagementPage {
  engagements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: MapEngagement }>;
  };
}

export interface Health {
  partners: number;
  activePartners: number;
  engagements: number;
  outcomeSuccessRate: number | null;
  valueGini: number;
  topDecileValueShare: number;
  longTail: number;
}
