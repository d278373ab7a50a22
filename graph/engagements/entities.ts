/**
 * Batch reads of engagements and the items they hold, each one statement whatever the
 * number of keys, each within the caller's scope.
 */
import * as E from './engagements.queries.ts';
import * as I from './outcomes-commitments.queries.ts';
import { fieldsKey, listsByIds, rowsByIds, statementFor, type Fields, type Graph } from '../db/index.ts';
import { type Scope } from '../model/index.ts';
import { customerFields, partnerFields, type CustomerRow, type PartnerRow } from '../directory/index.ts';

/** The levels below an engagement read with it, in the same statement. */
export interface EngagementLevels {
  /** Its customer with these fields, in `customer`; false: not read. */
  customer: Fields | false;
  /** Its outcomes as outcomesOf reads them, in `outcomes`; null: not read. */
  outcomes: OutcomesOfOptions | null;
}

/** An engagement with the levels below it that were asked for (EngagementLevels). */
export interface EngagementWithLevels extends E.EngagementRow {
  customer?: CustomerRow | null;
  outcomes?: OutcomeWithLevels[];
}

const NO_LEVELS: EngagementLevels = { customer: false, outcomes: null };

/** A name for a choice of engagement fields and levels, for statementFor. */
export function engagementShape(fields: Fields, levels: EngagementLevels): string {
  return `${fieldsKey(fields)} ${levels.customer === false ? '-' : fieldsKey(levels.customer)} ${levels.outcomes ? outcomesShape(levels.outcomes) : '-'}`;
}

/** engagementFields' projection of `e` with these fields and levels. */
export function engagementProjection(fields: Fields, levels: EngagementLevels): string {
  return E.engagementFields(fields, {
    customer: levels.customer === false ? null : customerFields(levels.customer),
    outcomes: levels.outcomes ? outcomesListFor(levels.outcomes) : null,
  });
}

/** `fields`: what to read of each engagement (null: everything); `levels`: what below it to read with it. */
export function engagementsByIds(
  graph: Graph, scope: Scope, ids: readonly string[], fields: Fields = null, levels: EngagementLevels = NO_LEVELS,
): Promise<Array<EngagementWithLevels | null>> {
  const statement = statementFor(`engagements by ids ${engagementShape(fields, levels)}`,
    () => E.engagementsByIdsStatement(engagementProjection(fields, levels)));
  return rowsByIds(graph, statement, ids, { scope }, 'engagement');
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

/** What outcomesOf reads of each outcome, and below it. */
export interface OutcomesOfOptions {
  /** The outcome's fields (null: all). */
  fields: Fields;
  /**
   * Each outcome's dependencies (as outcomeDependencies reads them, with these `fields`),
   * in `dependsOn`, and with `owner` each dependency's owner with those fields, in
   * `owner`; null: not read.
   */
  dependsOn: { fields: Fields; owner: Fields | false } | null;
}

const EVERYTHING: OutcomesOfOptions = { fields: null, dependsOn: null };

function outcomesShape({ fields, dependsOn }: OutcomesOfOptions): string {
  return `${fieldsKey(fields)} ${dependsOn ? `${fieldsKey(dependsOn.fields)} ${dependsOn.owner === false ? '-' : fieldsKey(dependsOn.owner)}` : '-'}`;
}

function outcomesListFor({ fields, dependsOn }: OutcomesOfOptions): string {
  // `dc`: the dependency's engagement, a name not bound where the list is read.
  return E.outcomesList(fields, dependsOn
    ? I.dependenciesOf('o', 'dc', dependsOn.fields, dependsOn.owner === false ? null : partnerFields(dependsOn.owner, 'mo'))
    : null);
}

/** Per engagement id, its outcomes by due date, then id. */
export function outcomesOf(
  graph: Graph, scope: Scope, engagementIds: readonly string[], options: OutcomesOfOptions = EVERYTHING,
): Promise<OutcomeWithLevels[][]> {
  const statement = statementFor(`outcomes of ${outcomesShape(options)}`, () => E.outcomesOfStatement(outcomesListFor(options)));
  return listsByIds(graph, statement, engagementIds, { scope });
}

export function commitmentsOf(graph: Graph, scope: Scope, engagementIds: readonly string[]): Promise<E.CommitmentRow[][]> {
  return listsByIds(graph, E.COMMITMENTS_OF, engagementIds, { scope });
}

/** `fields`: what to read of each commitment (null: everything). */
export function outcomeDependencies(graph: Graph, scope: Scope, outcomeIds: readonly string[], fields: Fields = null): Promise<E.CommitmentRow[][]> {
  return listsByIds(graph, statementFor(`outcome dependencies ${fieldsKey(fields)}`, () => I.outcomeDependenciesStatement(fields)), outcomeIds, { scope });
}

export function commitmentDependencies(graph: Graph, scope: Scope, commitmentIds: readonly string[], fields: Fields = null): Promise<E.CommitmentRow[][]> {
  return listsByIds(graph, statementFor(`commitment dependencies ${fieldsKey(fields)}`, () => I.commitmentDependenciesStatement(fields)), commitmentIds, { scope });
}
