/**
 * Batch reads of engagements and the items they hold, each one statement whatever the
 * number of keys, each within the caller's scope.
 */
import type { Graph } from '../db/index.ts';
import * as E from './engagements.queries.ts';
import * as I from './outcomes-commitments.queries.ts';
import { listsByIds, rowsByIds } from '../db/index.ts';
import { type Scope } from '../model/index.ts';
import { partnerFields, type PartnerParts, type PartnerRow } from '../directory/index.ts';

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

/** An outcome with its dependencies when they were asked for (OutcomesOfOptions). */
export interface OutcomeWithLevels extends E.OutcomeRow {
  dependsOn?: Array<E.CommitmentRow & { owner?: PartnerRow | null }>;
}

/** What outcomesOf reads beside the outcomes. */
export interface OutcomesOfOptions {
  /** Each outcome's dependencies (as outcomeDependencies reads them), in `dependsOn`. */
  dependsOn: boolean;
  /** With `dependsOn`, each dependency's owner with these lists, in `owner`; null: not read. */
  owner: PartnerParts | null;
}

const NO_LEVELS: OutcomesOfOptions = { dependsOn: false, owner: null };
const outcomeStatements = new Map<string, string>();

export function outcomesOf(
  graph: Graph, scope: Scope, engagementIds: readonly string[], options: OutcomesOfOptions = NO_LEVELS,
): Promise<OutcomeWithLevels[][]> {
  const shape = JSON.stringify(options);
  let statement = outcomeStatements.get(shape);
  if (statement === undefined) {
    const owner = options.owner && partnerFields(options.owner);
    // `dc`: the dependency's engagement, a name not bound where the list is read.
    statement = E.outcomesOfStatement(options.dependsOn ? I.dependenciesOf('o', 'dc', owner) : null);
    outcomeStatements.set(shape, statement);
  }
  return listsByIds(graph, statement, engagementIds, { scope });
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
