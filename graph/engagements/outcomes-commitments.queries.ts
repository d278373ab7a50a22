/**
 * Outcomes and commitments by id, and their DEPENDS_ON lists, within the caller's
 * scope (`$scope`: null, or the PARTNER token's partner id): an item is visible when
 * its engagement is. A dependency on a commitment outside the scope is left out.
 */
import { mapProjection, type Fields, type Prop } from '../db/index.ts';

const OUTCOME = `{id: o.id, description: o.description, status: o.status, dueDate: toString(o.dueDate), engagementId: e.id}`;

/**
 * Variable names the fragments below are written with, from these lists, never from
 * input: the item whose dependencies are read (`x` in the statements of this file, `o`
 * inside an engagement's outcomes) and the dependency's engagement (`e`, or `dc` where
 * `e` is taken).
 */
type ItemVariable = 'x' | 'o';
type EngagementVariable = 'e' | 'dc';

/** The keys of a commitment bound to `m`, of the engagement bound to `engagement`. */
const commitmentProps = (engagement: EngagementVariable): Prop[] => [
  ['id', 'm.id'], ['description', 'm.description'], ['status', 'm.status'], ['dueDate', 'toString(m.dueDate)'],
  ['ownerId', 'COLLECT { MATCH (m)-[:OWNED_BY]->(mo:Partner) RETURN mo.id }[0]', 'owner'],
  ['engagementId', `${engagement}.id`, 'engagement'],
];

/**
 * The commitment bound to `m`, of the engagement bound to `engagement`, with the
 * `fields` asked (null: all); with `owner` (a partner projection bound to `mo`: these
 * lists are read inside a partner's page, where `p` is taken), also its owner's row, in
 * `owner`.
 */
const commitment = (engagement: EngagementVariable, fields: Fields, owner: string | null) => mapProjection([
  ...commitmentProps(engagement),
  ...(owner === null ? [] : [['owner', `COLLECT { MATCH (m)-[:OWNED_BY]->(mo:Partner) RETURN ` + owner + ` }[0]`] as const]),
], fields, ['id']);
const COMMITMENT = commitment('e', null, null);

export const OUTCOMES_BY_IDS = `
UNWIND $ids AS id
MATCH (o:Outcome {id: id})-[:OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
RETURN ` + OUTCOME + ` AS item`;

export const COMMITMENTS_BY_IDS = `
UNWIND $ids AS id
MATCH (m:Commitment {id: id})-[:PART_OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
RETURN ` + COMMITMENT + ` AS item`;

/**
 * What the item bound to `item` depends on directly, in scope, by commitment id; the
 * commitment's engagement is bound to `engagement` (a name free where this is used) and,
 * with `owner`, each row carries its owner's partner row (as `commitment` says).
 */
export const dependenciesOf = (item: ItemVariable, engagement: EngagementVariable, fields: Fields, owner: string | null) => `COLLECT {
  MATCH (${item})-[:DEPENDS_ON]->(m:Commitment)-[:PART_OF]->(${engagement}:Engagement)
  WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(${engagement}) }
  RETURN ` + commitment(engagement, fields, owner) + ` ORDER BY m.id
}`;


/**
 * Per outcome id, and per commitment id (separate namespaces, hence two statements):
 * what it depends on, with the `fields` asked of each commitment (null: all).
 */
export const outcomeDependenciesStatement = (fields: Fields) => `
UNWIND $ids AS id
MATCH (x:Outcome {id: id})
RETURN id, ` + dependenciesOf('x', 'e', fields, null) + ` AS items`;

export const commitmentDependenciesStatement = (fields: Fields) => `
UNWIND $ids AS id
MATCH (x:Commitment {id: id})
RETURN id, ` + dependenciesOf('x', 'e', fields, null) + ` AS items`;
