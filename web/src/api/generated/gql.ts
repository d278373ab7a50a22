/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MissedOutcomes($filter: OutcomeFilter, $after: String) {\n    missedOutcomes(filter: $filter, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id description status dueDate engagement { id name customer { name region { code } } } } }\n    }\n  }\n": typeof types.MissedOutcomesDocument,
    "\n  query Accountability($id: ID!) {\n    accountability(outcomeId: $id) {\n      outcome { id description status dueDate engagement { id name status customer { name } roleHistory { partner { id name } role from to } } }\n      accountable { id name }\n      rootCauses { commitment { ...CommitmentFields } path { id } }\n      propagated { ...CommitmentFields }\n      responsible { partner { id name } share rootCauses role }\n    }\n    outcome(id: $id) {\n      id\n      dependsOn { ...CommitmentFields\n        dependsOn { ...CommitmentFields\n          dependsOn { ...CommitmentFields\n            dependsOn { ...CommitmentFields\n              dependsOn { ...CommitmentFields\n                dependsOn { ...CommitmentFields } } } } } }\n    }\n  }\n\n  fragment CommitmentFields on Commitment { id description status dueDate owner { id name } engagement { id name } }\n": typeof types.AccountabilityDocument,
    "\n  query AtRiskOutcomes($asOf: Date, $filter: OutcomeFilter, $after: String) {\n    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 50, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        outcome { id description status dueDate engagement { id name customer { name region { code } } } }\n        daysToDue\n        reasons\n        orchestratorNow { id name }\n        orchestratorOnDueDate { id name }\n        defective { ...CommitmentFields }\n        overdue { ...CommitmentFields }\n      } }\n    }\n  }\n": typeof types.AtRiskOutcomesDocument,
    "\n  query AtRiskCount($asOf: Date, $filter: OutcomeFilter) {\n    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 1) { totalCount }\n  }\n": typeof types.AtRiskCountDocument,
    "query Regions { coverageGaps { region { code name } } }": typeof types.RegionsDocument,
    "subscription LiveEvents { events { id type timestamp data } }": typeof types.LiveEventsDocument,
    "\n  query Attribution($id: ID!, $halfLife: Float) {\n    engagement(id: $id) {\n      id name status value currency startDate\n      customer { name }\n      contributions { id kind date amount partner { id name } }\n    }\n    firstTouch: attribution(engagementId: $id, model: FIRST_TOUCH) { ...AttributionShareFields }\n    lastTouch: attribution(engagementId: $id, model: LAST_TOUCH) { ...AttributionShareFields }\n    linear: attribution(engagementId: $id, model: LINEAR) { ...AttributionShareFields }\n    positionBased: attribution(engagementId: $id, model: POSITION_BASED) { ...AttributionShareFields }\n    timeDecay: attribution(engagementId: $id, model: TIME_DECAY, halfLifeDays: $halfLife) { ...AttributionShareFields }\n  }\n\n  fragment AttributionShareFields on AttributionShare { partner { id name } share amount }\n": typeof types.AttributionDocument,
    "\n  query EngagementList($after: String) {\n    engagements(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } }\n  }\n": typeof types.EngagementListDocument,
    "\n  query DealRegistrations($filter: DealRegistrationFilter, $after: String) {\n    dealRegistrations(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...DealRegistrationFields } }\n    }\n  }\n\n  fragment DealRegistrationFields on DealRegistration {\n    id registeredOn expiresOn status reason inForce\n    partner { id name } customer { id name } capability { id name }\n  }\n": typeof types.DealRegistrationsDocument,
    "\n  query DealConflicts($asOf: Date) {\n    dealConflicts(asOf: $asOf) {\n      kind\n      customer { id name }\n      capability { id name }\n      registrations { ...DealRegistrationFields }\n      contribution { id kind date partner { id name } }\n      engagement { id name }\n    }\n  }\n": typeof types.DealConflictsDocument,
    "\n  mutation DecideDealRegistration($id: ID!, $status: DealRegistrationStatus!, $reason: String!) {\n    decideDealRegistration(id: $id, status: $status, reason: $reason) { ...DealRegistrationFields }\n  }\n": typeof types.DecideDealRegistrationDocument,
    "\n  query CustomerEngagements($id: ID!) {\n    customer(id: $id) {\n      id name\n      engagements(first: 50) { totalCount edges { node { id name status startDate endDate } } }\n    }\n  }\n": typeof types.CustomerEngagementsDocument,
    "\n  query Coverage($input: CoverageInput) {\n    coverageGaps(input: $input) { ...CoverageCellFields partners { id name type } }\n  }\n\n  fragment CoverageCellFields on CoverageCell {\n    region { code name } industry { code name } capability { id name } demand supply status\n  }\n": typeof types.CoverageDocument,
    "\n  query Scenario($input: ScenarioInput!, $coverage: CoverageInput) {\n    scenario(input: $input, coverage: $coverage) {\n      coverage {\n        before { ...CoverageCellFields partners { id name type } }\n        after { ...CoverageCellFields partners { id name type } }\n      }\n      orphanedEngagements { ...ScenarioEngagement }\n      adoptedEngagements { ...ScenarioEngagement }\n      healthBefore { ...HealthFigures }\n      healthAfter { ...HealthFigures }\n    }\n  }\n\n  fragment ScenarioEngagement on Engagement {\n    id name status customer { name } orchestrator { id name }\n  }\n\n  fragment HealthFigures on EcosystemHealth {\n    partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail\n  }\n": typeof types.ScenarioDocument,
    "\n  query ExitCommitments($ids: [ID!]!) {\n    exitImpact(partnerIds: $ids) {\n      atRiskCommitments { id description status dueDate owner { id name } engagement { id name } }\n    }\n  }\n": typeof types.ExitCommitmentsDocument,
    "\n  query NetworkOverview($filter: NetworkFilter) {\n    network(filter: $filter, limit: 0) {\n      partnerCount stale computedAt betweennessSample\n      communities { id size label topPartners { id label } }\n      communityLinks { source target weight }\n    }\n  }\n": typeof types.NetworkOverviewDocument,
    "\n  query CommunityNetwork($filter: NetworkFilter, $limit: Int) {\n    network(filter: $filter, limit: $limit) {\n      truncated partnerCount stale computedAt\n      nodes { id kind label partnerType degree betweenness pagerank community articulationPoint }\n      edges { source target kind weight bridge }\n    }\n  }\n": typeof types.CommunityNetworkDocument,
    "\n  query PartnerIndex($filter: NetworkFilter) {\n    network(filter: $filter, limit: 100000) { nodes { id label community } }\n  }\n": typeof types.PartnerIndexDocument,
    "\n  query MapEngagements($after: String) {\n    engagements(first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id value startDate endDate customer { region { code } industry { code } } contributions { partner { id } } } }\n    }\n  }\n": typeof types.MapEngagementsDocument,
    "\n  query Catalog {\n    coverageGaps(input: { byIndustry: true }) { region { code name } industry { code name } }\n  }\n": typeof types.CatalogDocument,
    "\n  query Health {\n    ecosystemHealth { partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail }\n  }\n": typeof types.HealthDocument,
    "\n  query PartnerCard($id: ID!) {\n    partner(id: $id) {\n      id name type status tier\n      regions { code name } industries { code name }\n      capabilities { level certified capability { id name } }\n      participations(first: 30) { totalCount edges { node { role from to engagement { id name status } } } }\n    }\n  }\n": typeof types.PartnerCardDocument,
    "\n  query TrackRecord($id: ID!) {\n    partner(id: $id) { trackRecord {\n      rootCauses accountableMisses\n      asOrchestrator { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }\n      asContributor { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }\n    } }\n  }\n": typeof types.TrackRecordDocument,
    "query PickPartners($text: String) { partners(filter: { nameContains: $text }, first: 20) { edges { node { id name } } } }": typeof types.PickPartnersDocument,
    "query PickedPartner($id: ID!) { partner(id: $id) { id name } }": typeof types.PickedPartnerDocument,
    "query Viewer { viewer { role partner { id name } } }": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query MissedOutcomes($filter: OutcomeFilter, $after: String) {\n    missedOutcomes(filter: $filter, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id description status dueDate engagement { id name customer { name region { code } } } } }\n    }\n  }\n": types.MissedOutcomesDocument,
    "\n  query Accountability($id: ID!) {\n    accountability(outcomeId: $id) {\n      outcome { id description status dueDate engagement { id name status customer { name } roleHistory { partner { id name } role from to } } }\n      accountable { id name }\n      rootCauses { commitment { ...CommitmentFields } path { id } }\n      propagated { ...CommitmentFields }\n      responsible { partner { id name } share rootCauses role }\n    }\n    outcome(id: $id) {\n      id\n      dependsOn { ...CommitmentFields\n        dependsOn { ...CommitmentFields\n          dependsOn { ...CommitmentFields\n            dependsOn { ...CommitmentFields\n              dependsOn { ...CommitmentFields\n                dependsOn { ...CommitmentFields } } } } } }\n    }\n  }\n\n  fragment CommitmentFields on Commitment { id description status dueDate owner { id name } engagement { id name } }\n": types.AccountabilityDocument,
    "\n  query AtRiskOutcomes($asOf: Date, $filter: OutcomeFilter, $after: String) {\n    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 50, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        outcome { id description status dueDate engagement { id name customer { name region { code } } } }\n        daysToDue\n        reasons\n        orchestratorNow { id name }\n        orchestratorOnDueDate { id name }\n        defective { ...CommitmentFields }\n        overdue { ...CommitmentFields }\n      } }\n    }\n  }\n": types.AtRiskOutcomesDocument,
    "\n  query AtRiskCount($asOf: Date, $filter: OutcomeFilter) {\n    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 1) { totalCount }\n  }\n": types.AtRiskCountDocument,
    "query Regions { coverageGaps { region { code name } } }": types.RegionsDocument,
    "subscription LiveEvents { events { id type timestamp data } }": types.LiveEventsDocument,
    "\n  query Attribution($id: ID!, $halfLife: Float) {\n    engagement(id: $id) {\n      id name status value currency startDate\n      customer { name }\n      contributions { id kind date amount partner { id name } }\n    }\n    firstTouch: attribution(engagementId: $id, model: FIRST_TOUCH) { ...AttributionShareFields }\n    lastTouch: attribution(engagementId: $id, model: LAST_TOUCH) { ...AttributionShareFields }\n    linear: attribution(engagementId: $id, model: LINEAR) { ...AttributionShareFields }\n    positionBased: attribution(engagementId: $id, model: POSITION_BASED) { ...AttributionShareFields }\n    timeDecay: attribution(engagementId: $id, model: TIME_DECAY, halfLifeDays: $halfLife) { ...AttributionShareFields }\n  }\n\n  fragment AttributionShareFields on AttributionShare { partner { id name } share amount }\n": types.AttributionDocument,
    "\n  query EngagementList($after: String) {\n    engagements(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } }\n  }\n": types.EngagementListDocument,
    "\n  query DealRegistrations($filter: DealRegistrationFilter, $after: String) {\n    dealRegistrations(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...DealRegistrationFields } }\n    }\n  }\n\n  fragment DealRegistrationFields on DealRegistration {\n    id registeredOn expiresOn status reason inForce\n    partner { id name } customer { id name } capability { id name }\n  }\n": types.DealRegistrationsDocument,
    "\n  query DealConflicts($asOf: Date) {\n    dealConflicts(asOf: $asOf) {\n      kind\n      customer { id name }\n      capability { id name }\n      registrations { ...DealRegistrationFields }\n      contribution { id kind date partner { id name } }\n      engagement { id name }\n    }\n  }\n": types.DealConflictsDocument,
    "\n  mutation DecideDealRegistration($id: ID!, $status: DealRegistrationStatus!, $reason: String!) {\n    decideDealRegistration(id: $id, status: $status, reason: $reason) { ...DealRegistrationFields }\n  }\n": types.DecideDealRegistrationDocument,
    "\n  query CustomerEngagements($id: ID!) {\n    customer(id: $id) {\n      id name\n      engagements(first: 50) { totalCount edges { node { id name status startDate endDate } } }\n    }\n  }\n": types.CustomerEngagementsDocument,
    "\n  query Coverage($input: CoverageInput) {\n    coverageGaps(input: $input) { ...CoverageCellFields partners { id name type } }\n  }\n\n  fragment CoverageCellFields on CoverageCell {\n    region { code name } industry { code name } capability { id name } demand supply status\n  }\n": types.CoverageDocument,
    "\n  query Scenario($input: ScenarioInput!, $coverage: CoverageInput) {\n    scenario(input: $input, coverage: $coverage) {\n      coverage {\n        before { ...CoverageCellFields partners { id name type } }\n        after { ...CoverageCellFields partners { id name type } }\n      }\n      orphanedEngagements { ...ScenarioEngagement }\n      adoptedEngagements { ...ScenarioEngagement }\n      healthBefore { ...HealthFigures }\n      healthAfter { ...HealthFigures }\n    }\n  }\n\n  fragment ScenarioEngagement on Engagement {\n    id name status customer { name } orchestrator { id name }\n  }\n\n  fragment HealthFigures on EcosystemHealth {\n    partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail\n  }\n": types.ScenarioDocument,
    "\n  query ExitCommitments($ids: [ID!]!) {\n    exitImpact(partnerIds: $ids) {\n      atRiskCommitments { id description status dueDate owner { id name } engagement { id name } }\n    }\n  }\n": types.ExitCommitmentsDocument,
    "\n  query NetworkOverview($filter: NetworkFilter) {\n    network(filter: $filter, limit: 0) {\n      partnerCount stale computedAt betweennessSample\n      communities { id size label topPartners { id label } }\n      communityLinks { source target weight }\n    }\n  }\n": types.NetworkOverviewDocument,
    "\n  query CommunityNetwork($filter: NetworkFilter, $limit: Int) {\n    network(filter: $filter, limit: $limit) {\n      truncated partnerCount stale computedAt\n      nodes { id kind label partnerType degree betweenness pagerank community articulationPoint }\n      edges { source target kind weight bridge }\n    }\n  }\n": types.CommunityNetworkDocument,
    "\n  query PartnerIndex($filter: NetworkFilter) {\n    network(filter: $filter, limit: 100000) { nodes { id label community } }\n  }\n": types.PartnerIndexDocument,
    "\n  query MapEngagements($after: String) {\n    engagements(first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id value startDate endDate customer { region { code } industry { code } } contributions { partner { id } } } }\n    }\n  }\n": types.MapEngagementsDocument,
    "\n  query Catalog {\n    coverageGaps(input: { byIndustry: true }) { region { code name } industry { code name } }\n  }\n": types.CatalogDocument,
    "\n  query Health {\n    ecosystemHealth { partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail }\n  }\n": types.HealthDocument,
    "\n  query PartnerCard($id: ID!) {\n    partner(id: $id) {\n      id name type status tier\n      regions { code name } industries { code name }\n      capabilities { level certified capability { id name } }\n      participations(first: 30) { totalCount edges { node { role from to engagement { id name status } } } }\n    }\n  }\n": types.PartnerCardDocument,
    "\n  query TrackRecord($id: ID!) {\n    partner(id: $id) { trackRecord {\n      rootCauses accountableMisses\n      asOrchestrator { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }\n      asContributor { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }\n    } }\n  }\n": types.TrackRecordDocument,
    "query PickPartners($text: String) { partners(filter: { nameContains: $text }, first: 20) { edges { node { id name } } } }": types.PickPartnersDocument,
    "query PickedPartner($id: ID!) { partner(id: $id) { id name } }": types.PickedPartnerDocument,
    "query Viewer { viewer { role partner { id name } } }": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissedOutcomes($filter: OutcomeFilter, $after: String) {\n    missedOutcomes(filter: $filter, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id description status dueDate engagement { id name customer { name region { code } } } } }\n    }\n  }\n"): typeof import('./graphql.ts').MissedOutcomesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accountability($id: ID!) {\n    accountability(outcomeId: $id) {\n      outcome { id description status dueDate engagement { id name status customer { name } roleHistory { partner { id name } role from to } } }\n      accountable { id name }\n      rootCauses { commitment { ...CommitmentFields } path { id } }\n      propagated { ...CommitmentFields }\n      responsible { partner { id name } share rootCauses role }\n    }\n    outcome(id: $id) {\n      id\n      dependsOn { ...CommitmentFields\n        dependsOn { ...CommitmentFields\n          dependsOn { ...CommitmentFields\n            dependsOn { ...CommitmentFields\n              dependsOn { ...CommitmentFields\n                dependsOn { ...CommitmentFields } } } } } }\n    }\n  }\n\n  fragment CommitmentFields on Commitment { id description status dueDate owner { id name } engagement { id name } }\n"): typeof import('./graphql.ts').AccountabilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AtRiskOutcomes($asOf: Date, $filter: OutcomeFilter, $after: String) {\n    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 50, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node {\n        outcome { id description status dueDate engagement { id name customer { name region { code } } } }\n        daysToDue\n        reasons\n        orchestratorNow { id name }\n        orchestratorOnDueDate { id name }\n        defective { ...CommitmentFields }\n        overdue { ...CommitmentFields }\n      } }\n    }\n  }\n"): typeof import('./graphql.ts').AtRiskOutcomesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AtRiskCount($asOf: Date, $filter: OutcomeFilter) {\n    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 1) { totalCount }\n  }\n"): typeof import('./graphql.ts').AtRiskCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Regions { coverageGaps { region { code name } } }"): typeof import('./graphql.ts').RegionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveEvents { events { id type timestamp data } }"): typeof import('./graphql.ts').LiveEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attribution($id: ID!, $halfLife: Float) {\n    engagement(id: $id) {\n      id name status value currency startDate\n      customer { name }\n      contributions { id kind date amount partner { id name } }\n    }\n    firstTouch: attribution(engagementId: $id, model: FIRST_TOUCH) { ...AttributionShareFields }\n    lastTouch: attribution(engagementId: $id, model: LAST_TOUCH) { ...AttributionShareFields }\n    linear: attribution(engagementId: $id, model: LINEAR) { ...AttributionShareFields }\n    positionBased: attribution(engagementId: $id, model: POSITION_BASED) { ...AttributionShareFields }\n    timeDecay: attribution(engagementId: $id, model: TIME_DECAY, halfLifeDays: $halfLife) { ...AttributionShareFields }\n  }\n\n  fragment AttributionShareFields on AttributionShare { partner { id name } share amount }\n"): typeof import('./graphql.ts').AttributionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngagementList($after: String) {\n    engagements(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name } } }\n  }\n"): typeof import('./graphql.ts').EngagementListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealRegistrations($filter: DealRegistrationFilter, $after: String) {\n    dealRegistrations(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...DealRegistrationFields } }\n    }\n  }\n\n  fragment DealRegistrationFields on DealRegistration {\n    id registeredOn expiresOn status reason inForce\n    partner { id name } customer { id name } capability { id name }\n  }\n"): typeof import('./graphql.ts').DealRegistrationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealConflicts($asOf: Date) {\n    dealConflicts(asOf: $asOf) {\n      kind\n      customer { id name }\n      capability { id name }\n      registrations { ...DealRegistrationFields }\n      contribution { id kind date partner { id name } }\n      engagement { id name }\n    }\n  }\n"): typeof import('./graphql.ts').DealConflictsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideDealRegistration($id: ID!, $status: DealRegistrationStatus!, $reason: String!) {\n    decideDealRegistration(id: $id, status: $status, reason: $reason) { ...DealRegistrationFields }\n  }\n"): typeof import('./graphql.ts').DecideDealRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerEngagements($id: ID!) {\n    customer(id: $id) {\n      id name\n      engagements(first: 50) { totalCount edges { node { id name status startDate endDate } } }\n    }\n  }\n"): typeof import('./graphql.ts').CustomerEngagementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage($input: CoverageInput) {\n    coverageGaps(input: $input) { ...CoverageCellFields partners { id name type } }\n  }\n\n  fragment CoverageCellFields on CoverageCell {\n    region { code name } industry { code name } capability { id name } demand supply status\n  }\n"): typeof import('./graphql.ts').CoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scenario($input: ScenarioInput!, $coverage: CoverageInput) {\n    scenario(input: $input, coverage: $coverage) {\n      coverage {\n        before { ...CoverageCellFields partners { id name type } }\n        after { ...CoverageCellFields partners { id name type } }\n      }\n      orphanedEngagements { ...ScenarioEngagement }\n      adoptedEngagements { ...ScenarioEngagement }\n      healthBefore { ...HealthFigures }\n      healthAfter { ...HealthFigures }\n    }\n  }\n\n  fragment ScenarioEngagement on Engagement {\n    id name status customer { name } orchestrator { id name }\n  }\n\n  fragment HealthFigures on EcosystemHealth {\n    partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail\n  }\n"): typeof import('./graphql.ts').ScenarioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExitCommitments($ids: [ID!]!) {\n    exitImpact(partnerIds: $ids) {\n      atRiskCommitments { id description status dueDate owner { id name } engagement { id name } }\n    }\n  }\n"): typeof import('./graphql.ts').ExitCommitmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkOverview($filter: NetworkFilter) {\n    network(filter: $filter, limit: 0) {\n      partnerCount stale computedAt betweennessSample\n      communities { id size label topPartners { id label } }\n      communityLinks { source target weight }\n    }\n  }\n"): typeof import('./graphql.ts').NetworkOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityNetwork($filter: NetworkFilter, $limit: Int) {\n    network(filter: $filter, limit: $limit) {\n      truncated partnerCount stale computedAt\n      nodes { id kind label partnerType degree betweenness pagerank community articulationPoint }\n      edges { source target kind weight bridge }\n    }\n  }\n"): typeof import('./graphql.ts').CommunityNetworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerIndex($filter: NetworkFilter) {\n    network(filter: $filter, limit: 100000) { nodes { id label community } }\n  }\n"): typeof import('./graphql.ts').PartnerIndexDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapEngagements($after: String) {\n    engagements(first: 100, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id value startDate endDate customer { region { code } industry { code } } contributions { partner { id } } } }\n    }\n  }\n"): typeof import('./graphql.ts').MapEngagementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    coverageGaps(input: { byIndustry: true }) { region { code name } industry { code name } }\n  }\n"): typeof import('./graphql.ts').CatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Health {\n    ecosystemHealth { partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail }\n  }\n"): typeof import('./graphql.ts').HealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerCard($id: ID!) {\n    partner(id: $id) {\n      id name type status tier\n      regions { code name } industries { code name }\n      capabilities { level certified capability { id name } }\n      participations(first: 30) { totalCount edges { node { role from to engagement { id name status } } } }\n    }\n  }\n"): typeof import('./graphql.ts').PartnerCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrackRecord($id: ID!) {\n    partner(id: $id) { trackRecord {\n      rootCauses accountableMisses\n      asOrchestrator { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }\n      asContributor { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }\n    } }\n  }\n"): typeof import('./graphql.ts').TrackRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PickPartners($text: String) { partners(filter: { nameContains: $text }, first: 20) { edges { node { id name } } } }"): typeof import('./graphql.ts').PickPartnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PickedPartner($id: ID!) { partner(id: $id) { id name } }"): typeof import('./graphql.ts').PickedPartnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer { viewer { role partner { id name } } }"): typeof import('./graphql.ts').ViewerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
