/**
 * Batch reads of the contract's entities, each one statement whatever the number of
 * keys, each within the caller's scope.
 */
import type { Graph } from '../db.ts';
import * as E from '../queries/engagements.queries.ts';
import * as I from '../queries/items.queries.ts';
import * as P from '../queries/partners.queries.ts';
import { listsByIds, rowsByIds, type Scope } from './batch.ts';

export function partnersByIds(graph: Graph, ids: readonly string[]): Promise<Array<P.PartnerRow | null>> {
  return rowsByIds(graph, P.PARTNERS_BY_IDS, ids, {}, 'partner');
}

export function engagementsByIds(graph: Graph, scope: Scope, ids: readonly string[]): Promise<Array<E.EngagementRow | null>> {
  return rowsByIds(graph, E.ENGAGEMENTS_BY_IDS, ids, { scope }, 'engagement');
}

export function customersByIds(graph: Graph, scope: Scope, ids: readonly string[]): Promise<Array<E.CustomerRow | null>> {
  return rowsByIds(graph, E.CUSTOMERS_BY_IDS, ids, { scope }, 'customer');
}

export function outcomesByIds(graph: Graph, scope: Scope, ids: readonly string[]): Promise<Array<E.OutcomeRow | null>> {
  return rowsByIds(graph, I.OUTCOMES_BY_IDS, ids, { scope }, 'item');
}

export function commitmentsByIds(graph: Graph, scope: Scope, ids: readonly string[]): Promise<Array<E.CommitmentRow | null>> {
  return rowsByIds(graph, I.COMMITMENTS_BY_IDS, ids, { scope }, 'item');
}

export function requirementsOf(graph: Graph, scope: Scope, engagementIds: readonly string[]): Promise<E.RequirementRow[][]> {
  return listsByIds(graph, E.REQUIREMENTS_OF, engagementIds, { scope });
}

export function contributionsOf(graph: Graph, scope: Scope, engagementIds: readonly string[]): Promise<E.ContributionRow[][]> {
  return listsByIds(graph, E.CONTRIBUTIONS_OF, engagementIds, { scope });
}

export function outcomesOf(graph: Graph, scope: Scope, engagementIds: readonly string[]): Promise<E.OutcomeRow[][]> {
  return listsByIds(graph, E.OUTCOMES_OF, engagementIds, { scope });
}

export function commitmentsOf(graph: Graph, scope: Scope, engagementIds: readonly string[]): Promise<E.CommitmentRow[][]> {
  return listsByIds(graph, E.COMMITMENTS_OF, engagementIds, { scope });
}

export function outcomeDependencies(graph: Graph, scope: Scope, outcomeIds: readonly string[]): Promise<E.CommitmentRow[][]> {
  return listsByIds(graph, I.OUTCOME_DEPENDENCIES, outcomeIds, { scope });
}

export function commitmentDependencies(graph: Graph, scope: Scope, commitmentIds: readonly string[]): Promise<E.CommitmentRow[][]> {
  return listsByIds(graph, I.COMMITMENT_DEPENDENCIES, commitmentIds, { scope });
}
