/**
 * What the Deals view asks the API (contract: Deal registration). A fragment follows the
 * first query that uses it, in the same graphql() call: the generated registry names a
 * source by its first definition.
 */
import { graphql } from '../api/generated/index.ts';
import type { DealConflictsQuery, DealRegistrationFieldsFragment, DealRegistrationsQuery, CustomerEngagementsQuery } from '../api/generated/graphql.ts';

export const DEAL_REGISTRATIONS_QUERY = graphql(`
  query DealRegistrations($filter: DealRegistrationFilter, $after: String) {
    dealRegistrations(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...DealRegistrationFields } }
    }
  }

  fragment DealRegistrationFields on DealRegistration {
    id registeredOn expiresOn status reason inForce
    partner { id name } customer { id name } capability { id name }
  }
`);

/** Spreads DealRegistrationFields, defined with DEAL_REGISTRATIONS_QUERY. ADMIN and ANALYST. */
export const DEAL_CONFLICTS_QUERY = graphql(`
  query DealConflicts($asOf: Date) {
    dealConflicts(asOf: $asOf) {
      kind
      customer { id name }
      capability { id name }
      registrations { ...DealRegistrationFields }
      contribution { id kind date partner { id name } }
      engagement { id name }
    }
  }
`);

/** ADMIN only; an approval that collides with another partner's APPROVED one is CONFLICT. */
export const DECIDE_DEAL_MUTATION = graphql(`
  mutation DecideDealRegistration($id: ID!, $status: DealRegistrationStatus!, $reason: String!) {
    decideDealRegistration(id: $id, status: $status, reason: $reason) { ...DealRegistrationFields }
  }
`);

export const CUSTOMER_ENGAGEMENTS_QUERY = graphql(`
  query CustomerEngagements($id: ID!) {
    customer(id: $id) {
      id name
      engagements(first: 50) { totalCount edges { node { id name status startDate endDate } } }
    }
  }
`);

/** Partners whose name contains the typed text, for the partner filter's suggestions. */
export type Registration = DealRegistrationFieldsFragment;
export type RegistrationPage = DealRegistrationsQuery['dealRegistrations'];
export type Conflict = DealConflictsQuery['dealConflicts'][number];
export type CustomerEngagements = NonNullable<CustomerEngagementsQuery['customer']>;
