/**
 * What the accountability explorer asks the API. A fragment follows the query that uses
 * it, in the same graphql() call: the generated registry names a source by its first definition.
 */
import { graphql } from '../api/generated/index.ts';
import type {
  AccountabilityQuery, AtRiskOutcomesQuery, CommitmentFieldsFragment, MissedOutcomesQuery,
} from '../api/generated/graphql.ts';

export const MISSED_OUTCOMES_QUERY = graphql(`
  query MissedOutcomes($filter: OutcomeFilter, $after: String) {
    missedOutcomes(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id description status dueDate engagement { id name customer { name region { code } } } } }
    }
  }
`);

/**
 * The dependency tree below the outcome is six levels of dependsOn deep, written out
 * (GraphQL has no recursion): within the depth (12) and cost limits.
 */
export const ACCOUNTABILITY_QUERY = graphql(`
  query Accountability($id: ID!) {
    accountability(outcomeId: $id) {
      outcome { id description status dueDate engagement { id name status customer { name } roleHistory { partner { id name } role from to } } }
      accountable { id name }
      rootCauses { commitment { ...CommitmentFields } path { id } }
      propagated { ...CommitmentFields }
      responsible { partner { id name } share rootCauses role }
    }
    outcome(id: $id) {
      id
      dependsOn { ...CommitmentFields
        dependsOn { ...CommitmentFields
          dependsOn { ...CommitmentFields
            dependsOn { ...CommitmentFields
              dependsOn { ...CommitmentFields
                dependsOn { ...CommitmentFields } } } } } }
    }
  }

  fragment CommitmentFields on Commitment { id description status dueDate owner { id name } engagement { id name } }
`);

/**
 * At-risk outcomes as of a date, with the commitments behind each reason and their
 * owners: the list's rows and, narrowed to one due date, the chosen outcome's detail.
 * CommitmentFields comes from the Accountability document (codegen appends it).
 */
export const AT_RISK_OUTCOMES_QUERY = graphql(`
  query AtRiskOutcomes($asOf: Date, $filter: OutcomeFilter, $after: String) {
    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        outcome { id description status dueDate engagement { id name customer { name region { code } } } }
        daysToDue
        reasons
        orchestratorNow { id name }
        orchestratorOnDueDate { id name }
        defective { ...CommitmentFields }
        overdue { ...CommitmentFields }
      } }
    }
  }
`);

/**
 * How many outcomes are at risk, asked beside the first page: counting judges every
 * candidate (at 10,000 partners about 100 ms), a page stops at its last row (10 ms).
 */
export const AT_RISK_COUNT_QUERY = graphql(`
  query AtRiskCount($asOf: Date, $filter: OutcomeFilter) {
    atRiskOutcomes(asOf: $asOf, filter: $filter, first: 1) { totalCount }
  }
`);

export type AccountabilityData = AccountabilityQuery;
export type CommitmentInfo = CommitmentFieldsFragment;
/** A commitment and what it depends on, as deep as the query asks (the deepest level has no dependsOn). */
export type CommitmentTree = CommitmentInfo & { dependsOn?: readonly CommitmentTree[] };
export type RoleInterval = AccountabilityQuery['accountability']['outcome']['engagement']['roleHistory'][number];
export type MissedOutcome = MissedOutcomesQuery['missedOutcomes']['edges'][number]['node'];
export type ResponsibleParty = AccountabilityQuery['accountability']['responsible'][number];
export type AtRiskPage = AtRiskOutcomesQuery['atRiskOutcomes'];
export type AtRiskRow = AtRiskPage['edges'][number]['node'];
