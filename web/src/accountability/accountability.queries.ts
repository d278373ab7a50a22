/** What the accountability explorer asks the API. */
export const MISSED_OUTCOMES_QUERY = `query MissedOutcomes($filter: OutcomeFilter, $after: String) {
  missedOutcomes(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id description status dueDate engagement { id name customer { name region { code } } } } }
  }
}`;

const COMMITMENT = 'id description status dueDate owner { id name } engagement { id name }';

/** The dependency tree below the outcome, six levels deep: within the depth (12) and cost limits. */
function dependsOn(levels: number): string {
  return levels === 0 ? '' : `dependsOn { ${COMMITMENT} ${dependsOn(levels - 1)} }`;
}
export const TREE_LEVELS = 6;

export const ACCOUNTABILITY_QUERY = `query Accountability($id: ID!) {
  accountability(outcomeId: $id) {
    outcome { id description status dueDate engagement { id name status customer { name } roleHistory { partner { id name } role from to } } }
    accountable { id name }
    rootCauses { commitment { ${COMMITMENT} } path { id } }
    propagated { ${COMMITMENT} }
    responsible { partner { id name } share rootCauses role }
  }
  outcome(id: $id) { id ${dependsOn(TREE_LEVELS)} }
}`;

export const PARTNER_SEARCH_QUERY = `query PartnerSearch($text: String) {
  partners(filter: { nameContains: $text }, first: 20) { edges { node { id name } } }
}`;

export interface CommitmentInfo {
  id: string;
  description: string;
  status: string;
  dueDate: string | null;
  owner: { id: string; name: string };
  engagement: { id: string; name: string };
}

export interface CommitmentTree extends CommitmentInfo {
  dependsOn?: CommitmentTree[];
}

export interface RoleInterval {
  partner: { id: string; name: string };
  role: 'ORCHESTRATOR' | 'CONTRIBUTOR';
  from: string;
  to: string | null;
}

export interface AccountabilityData {
  accountability: {
    outcome: {
      id: string; description: string; status: string; dueDate: string;
      engagement: { id: string; name: string; status: string; customer: { name: string }; roleHistory: RoleInterval[] };
    };
    accountable: { id: string; name: string } | null;
    rootCauses: Array<{ commitment: CommitmentInfo; path: Array<{ id: string }> }>;
    propagated: CommitmentInfo[];
    responsible: Array<{ partner: { id: string; name: string }; share: number; rootCauses: number; role: string | null }>;
  };
  outcome: { id: string; dependsOn?: CommitmentTree[] } | null;
}

export interface MissedOutcome {
  id: string;
  description: string;
  status: string;
  dueDate: string;
  engagement: { id: string; name: string; customer: { name: string; region: { code: string } } };
}

export interface MissedOutcomesPage {
  missedOutcomes: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: MissedOutcome }>;
  };
}
