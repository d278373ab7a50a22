/**
 * What the gaps view asks the API. A fragment follows the first query that uses it, in
 * the same graphql() call: the generated registry names a source by its first definition.
 */
import { graphql } from '../api/generated/index.ts';
import type { CoverageCellFieldsFragment, CoverageQuery, ScenarioQuery } from '../api/generated/graphql.ts';

export const COVERAGE_QUERY = graphql(`
  query Coverage($input: CoverageInput) {
    coverageGaps(input: $input) { ...CoverageCellFields partners { id name type } }
  }

  fragment CoverageCellFields on CoverageCell {
    region { code name } industry { code name } capability { id name } demand supply status
  }
`);

/** Spreads CoverageCellFields, defined with COVERAGE_QUERY. */
export const SCENARIO_QUERY = graphql(`
  query Scenario($input: ScenarioInput!, $coverage: CoverageInput) {
    scenario(input: $input, coverage: $coverage) {
      coverage {
        before { ...CoverageCellFields partners { id name type } }
        after { ...CoverageCellFields partners { id name type } }
      }
      orphanedEngagements { ...ScenarioEngagement }
      adoptedEngagements { ...ScenarioEngagement }
      healthBefore { ...HealthFigures }
      healthAfter { ...HealthFigures }
    }
  }

  fragment ScenarioEngagement on Engagement {
    id name status customer { name } orchestrator { id name }
  }

  fragment HealthFigures on EcosystemHealth {
    partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail
  }
`);

/** The one thing exitImpact knows that scenario does not: the open commitments a leaving partner owns. */
export const EXIT_COMMITMENTS_QUERY = graphql(`
  query ExitCommitments($ids: [ID!]!) {
    exitImpact(partnerIds: $ids) {
      atRiskCommitments { id description status dueDate owner { id name } engagement { id name } }
    }
  }
`);

export type { CoverageStatus, PartnerType, ScenarioInput } from '../api/generated/graphql.ts';
/** A cell as coverageGaps answers it; exit impact's cells come without their suppliers. */
export type CoverageCell = CoverageCellFieldsFragment & Partial<Pick<CoverageQuery['coverageGaps'][number], 'partners'>>;
export type ScenarioResult = ScenarioQuery['scenario'];
export type CoverageChange = ScenarioResult['coverage'][number];
export type ScenarioEngagement = ScenarioResult['orphanedEngagements'][number];
export type HealthFigures = ScenarioResult['healthBefore'];
