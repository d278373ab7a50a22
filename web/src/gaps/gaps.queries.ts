/** What the gaps view asks the API. */
const CELL = 'region { code name } industry { code name } capability { id name } demand supply status';

export const COVERAGE_QUERY = `query Coverage($input: CoverageInput) {
  coverageGaps(input: $input) { ${CELL} partners { id name type } }
}`;

export const EXIT_IMPACT_QUERY = `query ExitImpact($ids: [ID!]!) {
  exitImpact(partnerIds: $ids) {
    partners { id name }
    orphanedEngagements { id name status customer { name } }
    atRiskCommitments { id description status engagement { id } }
    newlyUncovered { ${CELL} }
    newlySinglePoint { ${CELL} }
  }
}`;

export type CoverageStatus = 'UNCOVERED' | 'SINGLE_POINT' | 'THIN' | 'COVERED';

export interface CoverageCell {
  region: { code: string; name: string };
  industry: { code: string; name: string } | null;
  capability: { id: string; name: string };
  demand: number;
  supply: number;
  status: CoverageStatus;
  partners?: Array<{ id: string; name: string; type: string }>;
}

export interface ExitImpact {
  partners: Array<{ id: string; name: string }>;
  orphanedEngagements: Array<{ id: string; name: string; status: string; customer: { name: string } }>;
  atRiskCommitments: Array<{ id: string; description: string; status: string; engagement: { id: string } }>;
  newlyUncovered: CoverageCell[];
  newlySinglePoint: CoverageCell[];
}
