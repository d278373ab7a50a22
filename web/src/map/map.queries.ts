/** What the network map asks the API. */
import { graphql } from '../api/generated/index.ts';
import type { CommunityNetworkQuery, HealthQuery, MapEngagementsQuery, NetworkOverviewQuery, PartnerIndexQuery } from '../api/generated/graphql.ts';

/**
 * The community overview: `limit: 0` returns no nodes, only what is computed on the
 * whole filtered network (contract: Network at scale), a few kilobytes even at L.
 */
export const OVERVIEW_QUERY = graphql(`
  query NetworkOverview($filter: NetworkFilter) {
    network(filter: $filter, limit: 0) {
      partnerCount stale computedAt betweennessSample
      communities { id size label topPartners { id label } }
      communityLinks { source target weight }
    }
  }
`);

/** One community's partners and the links among them, with the single points of failure. */
export const COMMUNITY_QUERY = graphql(`
  query CommunityNetwork($filter: NetworkFilter, $limit: Int) {
    network(filter: $filter, limit: $limit) {
      truncated partnerCount stale computedAt
      nodes { id kind label partnerType degree betweenness pagerank community articulationPoint }
      edges { source target kind weight bridge }
    }
  }
`);

/** Every partner's name and community, for search: three short fields per partner, asked once per filter. */
export const PARTNER_INDEX_QUERY = graphql(`
  query PartnerIndex($filter: NetworkFilter) {
    network(filter: $filter, limit: 100000) { nodes { id label community } }
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
export type OverviewAnswer = NetworkOverviewQuery['network'];
export type CommunityAnswer = CommunityNetworkQuery['network'];
export type IndexedPartner = PartnerIndexQuery['network']['nodes'][number];
