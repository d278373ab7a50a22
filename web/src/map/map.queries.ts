/** What the network map asks the API. */
import { graphql } from '../api/generated/index.ts';
import type { HealthQuery, MapEngagementsQuery } from '../api/generated/graphql.ts';

export const NETWORK_QUERY = graphql(`
  query Network($filter: NetworkFilter, $limit: Int) {
    network(filter: $filter, limit: $limit) {
      truncated
      stale
      computedAt
      nodes { id kind label partnerType degree betweenness pagerank community }
      edges { source target kind weight }
    }
  }
`);

/** Engagements for the time slider's range and for LINEAR-attributed value per partner. */
export const ENGAGEMENT_PAGE_QUERY = graphql(`
  query MapEngagements($after: String) {
    engagements(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id value startDate endDate customer { region { code } industry { code } } contributions { partner { id } } } }
    }
  }
`);

/** Regions and industries that have demand, for the filters (the API has no list of regions). */
export const CATALOG_QUERY = graphql(`
  query Catalog {
    coverageGaps(input: { byIndustry: true }) { region { code name } industry { code name } }
  }
`);

export const HEALTH_QUERY = graphql(`
  query Health {
    ecosystemHealth { partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail }
  }
`);

export type EngagementPage = MapEngagementsQuery;
export type MapEngagement = MapEngagementsQuery['engagements']['edges'][number]['node'];
export type Health = HealthQuery['ecosystemHealth'];
