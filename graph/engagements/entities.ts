/**
 * Batch reads of engagements and the items they hold, each one statement whatever the
 * number of keys, each within the caller's scope.
 */
import type { Graph } from '../db/index.ts';
import * as E from './engagements.queries.ts';
import * as I from './outcomes-commitments.queries.ts';
import { listsByIds, rowsByIds } from '../db/index.ts';
import { type Scope } from '../model/index.ts';

export function engagementsByIds(graph: Graph, scope: Scope, ids: readonly string[]): Promise<Array<E.EngagementRow | null>> {
  return rowsByIds(graph, E.ENGAGEMENTS_BY_IDS, ids, { scope }, 'engagement');
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
