/**
 * The operations timed over HTTP and, side by side, straight through the driver: the
 * same Cypher constant from its graph area with the parameters the area sends, in a
 * plain auto-commit `session.run` (as graph/db/executor.ts sends a single read). The GraphQL
 * selections touch only what that one statement returns (no field that would call a loader), so both sides run the same
 * statements; the nested list is the exception, and its direct side is the two graph
 * area calls its loaders make, one after the other.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { type Graph, toDriverParams } from '../graph/db/index.ts';
import { DEFECTIVE_STATUSES } from '../graph/model/index.ts';
import { ACCOUNTABILITY } from '../graph/accountability/index.ts';
import { COVERAGE_CELLS, ENGAGEMENT_GAPS, COVERAGE_DEFAULTS } from '../graph/gaps/index.ts';
import { ATTRIBUTION } from '../graph/credit/index.ts';
import { partnerParticipationPages } from '../graph/engagements/index.ts';
import { partnerPage } from '../graph/directory/index.ts';
import { cycle, type Fixture } from './fixture.ts';

export interface Statement { cypher: string; params: Record<string, unknown> }

export interface Operation {
  name: string;
  /** The GraphQL document, or one per iteration. */
  query: string | ((i: number) => string);
  variables(i: number): Record<string, unknown> | undefined;
  /** The same work straight through the driver, for the same i. */
  direct(i: number): Promise<unknown>;
  /** The one statement `direct` sends, which the bare HTTP floor also runs; absent when it sends several. */
  statement?(i: number): Statement;
}

/** An operation whose driver side is one statement, sent as `readOnce` sends it. */
function oneStatement(driver: Driver, op: Omit<Operation, 'direct' | 'statement'> & { statement(i: number): Statement }): Operation {
  return {
    ...op,
    direct: (i) => {
      const { cypher, params } = op.statement(i);
      return readOnce(driver, cypher, params);
    },
  };
}

const WORDS = { defective: [...DEFECTIVE_STATUSES], missed: ['MISSED', 'PARTIALLY_MET'] };

export const QUERIES = {
  accountability: `query Accountability($id: ID!) { accountability(outcomeId: $id) {
    outcome { id status dueDate }
    rootCauses { commitment { id status } path { id } }
    propagated { id status }
    responsible { share rootCauses role } } }`,
  coverageGaps: '{ coverageGaps { region { code } industry { code } capability { id } demand supply status } }',
  engagementGaps: `query Gaps($id: ID!) { engagementGaps(engagementId: $id) {
    orchestrationGap missing { capability { id name } level } } }`,
  attribution: `query Attribution($id: ID!, $model: AttributionModel!) { attribution(engagementId: $id, model: $model) { share amount } }`,
  nested: `query Nested($n: Int!) { partners(first: $n) { edges { node { participations(first: 5) { edges { node {
    engagement { outcomes { dependsOn { owner { id } } } } } } } } } } }`,
} as const;

/** One statement as one auto-commit read transaction, as the product's executor (graph/db/executor.ts) runs it. */
async function readOnce(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, toDriverParams(params) as Record<string, unknown>);
    return result.records.length;
  } finally {
    await session.close();
  }
}

/**
 * The statements the nested query sends, through the product's read functions with the
 * same choices the API's loaders make for its selection (api/graphql/loaders.ts): the
 * partners page, then the participations with everything below them.
 */
export async function nestedDirect(graph: Graph, first: number): Promise<number> {
  const fields = (...names: string[]) => new Set(names);
  const page = await partnerPage(graph, {}, { first, withTotal: false }, fields('id', 'participations'));
  const pages = await partnerParticipationPages(graph, null, page.edges.map((e) => ({ partnerId: e.node.id, role: null, first: 5, after: null })), {
    withTotal: false, fields: fields('engagement'),
    engagement: {
      fields: fields('outcomes'),
      levels: { customer: false, outcomes: { fields: fields('dependsOn'), dependsOn: { fields: fields('owner'), owner: fields('id', 'participations') } } },
    },
  });
  return pages.reduce((n, p) => n + p.edges.length, 0);
}

export function latencyOperations(driver: Driver, graph: Graph, fx: Fixture): Operation[] {
  let coverageAsked = 0;
  const attribution = (model: string): Operation => oneStatement(driver, {
    name: `attribution ${model}`,
    query: QUERIES.attribution,
    variables: (i) => ({ id: cycle(fx.attributedEngagements, i), model }),
    statement: (i) => ({ cypher: ATTRIBUTION, params: { id: cycle(fx.attributedEngagements, i), scope: null, model, halfLifeDays: 7 + 0.0 } }),
  });
  return [
    oneStatement(driver, {
      name: 'accountability',
      query: QUERIES.accountability,
      variables: (i) => ({ id: cycle(fx.missedOutcomes, i) }),
      statement: (i) => ({ cypher: ACCOUNTABILITY, params: { ...WORDS, scope: null, id: cycle(fx.missedOutcomes, i) } }),
    }),
    oneStatement(driver, {
      name: 'coverageGaps',
      // A new alias each time (a counter: warm-up and runs reuse the same i): the answer
      // cache keeps whole answers per request text, and this row times the computation.
      query: () => QUERIES.coverageGaps.replace('{ coverageGaps', `{ gaps${coverageAsked++}: coverageGaps`),
      variables: () => undefined,
      statement: () => ({
        cypher: COVERAGE_CELLS,
        params: {
          regions: null, capabilities: null, byIndustry: COVERAGE_DEFAULTS.byIndustry, minLevel: COVERAGE_DEFAULTS.minLevel,
          thinRatio: COVERAGE_DEFAULTS.thinRatio + 0.0, includeCovered: COVERAGE_DEFAULTS.includeCovered, without: [],
        },
      }),
    }),
    oneStatement(driver, {
      name: 'engagementGaps',
      query: QUERIES.engagementGaps,
      variables: (i) => ({ id: cycle(fx.activeEngagements, i) }),
      statement: (i) => ({ cypher: ENGAGEMENT_GAPS, params: { id: cycle(fx.activeEngagements, i), scope: null, today: fx.today } }),
    }),
    attribution('LINEAR'),
    attribution('TIME_DECAY'),
    {
      name: 'nested list (20 partners)',
      query: QUERIES.nested,
      variables: () => ({ n: 20 }),
      direct: () => nestedDirect(graph, 20),
    },
  ];
}
