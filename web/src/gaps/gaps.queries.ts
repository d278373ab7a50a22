/**
 * What the gaps view asks the API. A fragment follows the first query that uses it, in
 * the same graphql() call: the generated registry names a source by its first definition.
 */
import { graphql } from '../api/generated/index.ts';
import type { CoverageCellFieldsFragment, CoverageQuery, ExitImpactQuery } from '../api/generated/graphql.ts';

export const COVERAGE_QUERY = graphql(`
  query Coverage($input: CoverageInput) {
    coverageGaps(input: $input) { ...CoverageCellFields partners { id name type } }
  }

  fragment CoverageCellFields on CoverageCell {
    region { code name } industry { code name } capability { id name } demand supply status
  }
`);

/** Spreads CoverageCellFields, defined with COVERAGE_QUERY. */
export const EXIT_IMPACT_QUERY = graphql(`
  query ExitImpact($ids: [ID!]!) {
    exitImpact(partnerIds: $ids) {
      partners { id name }
      orphanedEngagements { id name status customer { name } }
      atRiskCommitments { id description status engagement { id } }
      newlyUncovered { ...CoverageCellFields }
      newlySinglePoint { ...CoverageCellFields }
    }
  }
`);

export type { CoverageStatus } from '../api/generated/graphql.ts';
/** A cell as coverageGaps answers it; exit impact's cells come without their suppliers. */
export type CoverageCell = CoverageCellFieldsFragment & Partial<Pick<CoverageQuery['coverageGaps'][number], 'partners'>>;
export type ExitImpact = ExitImpactQuery['exitImpact'];
