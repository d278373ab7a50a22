/**
 * Database statements per operation, small selection against large: the app runs in
 * this process (startApp, against the same server) so its executor's `roundTrips`
 * counter can be read before and after each request. Constant means the count does not
 * grow with the items returned (the architecture's "No N+1").
 */
import { startApp } from '../api/app.ts';
import type { Graph } from '../graph/db/index.ts';
import { ACCOUNTABILITY, type AccountabilityRow } from '../graph/accountability/index.ts';
import { ENGAGEMENT_GAPS, type EngagementGapsRow } from '../graph/gaps/index.ts';
import { DEFECTIVE_STATUSES } from '../graph/model/index.ts';
import type { Fixture } from './fixture.ts';
import { dataOrError, graphqlBody, postGraphql } from './http-client.ts';
import { NETWORK_QUERY } from './network.ts';
import { QUERIES } from './operations.ts';

interface Request { query: string; variables?: Record<string, unknown> }

interface Case { name: string; small: Request; large: Request; latencyQuery?: Request }

export interface RoundTripResult {
  name: string;
  small: { statements: number; items: number };
  large: { statements: number; items: number };
  /** Statements of the exact request the latency table times (1 means like for like with the driver side). */
  latencyStatements: number | null;
  constant: boolean;
  note?: string;
  error?: string;
}

const SAMPLE = 150;

const Q = {
  accountability: `query A($id: ID!) { accountability(outcomeId: $id) {
    accountable { id name } outcome { id engagement { name } }
    rootCauses { commitment { id owner { name } engagement { name } } path { id owner { id } } }
    propagated { id owner { name } } responsible { share role partner { name } } } }`,
  coverage: `query C($input: CoverageInput) { coverageGaps(input: $input) { region { code } capability { id } demand supply status partners { id name } } }`,
  gaps: `query G($id: ID!, $n: Int!) { engagementGaps(engagementId: $id) {
    engagement { name } orchestrationGap missing { capability { id } level candidates(first: $n) { id name } } } }`,
  attribution: `query T($id: ID!) { attribution(engagementId: $id, model: LINEAR) { share amount partner { id name } } }`,
};

async function cases(graph: Graph, fx: Fixture, networkServed: boolean): Promise<Case[]> {
  const words = { defective: [...DEFECTIVE_STATUSES], missed: ['MISSED', 'PARTIALLY_MET'], scope: null };
  const sizes: Array<[string, number]> = [];
  for (const id of fx.missedOutcomes.slice(0, SAMPLE)) {
    const [row] = await graph.read<AccountabilityRow>(ACCOUNTABILITY, { ...words, id });
    // Every kind of item present even in the small answer: an answer with no partner at all
    // skips the partner loader, which says nothing about growth.
    if (row && row.accountableId !== null && row.rootCauses.length > 0) {
      sizes.push([id, row.rootCauses.length + row.propagated.length + row.responsible.length]);
    }
  }
  const [fewest, most] = extremes(sizes);

  const gapSizes: Array<[string, number]> = [];
  for (const id of fx.activeEngagements.slice(0, SAMPLE)) {
    const [row] = await graph.read<EngagementGapsRow>(ENGAGEMENT_GAPS, { id, scope: null, today: fx.today });
    if (row) gapSizes.push([id, row.missing.reduce((n, m) => n + m.candidates.length, 0)]);
  }
  const [, gapsMost] = extremes(gapSizes);

  const shares = await graph.read<{ id: string; n: number }>(
    'UNWIND $ids AS id MATCH (e:Engagement {id: id}) RETURN id, COUNT { MATCH (p:Partner)-[:CONTRIBUTED]->(:Contribution)-[:TO]->(e) RETURN DISTINCT p } AS n',
    { ids: fx.attributedEngagements.slice(0, SAMPLE * 4) });
  const [fewShares, manyShares] = extremes(shares.map((r) => [r.id, r.n]));
  const [region] = await graph.read<{ code: string }>('MATCH (g:Region) RETURN g.code AS code ORDER BY code LIMIT 1');

  const list: Case[] = [
    { name: 'accountability', small: { query: Q.accountability, variables: { id: fewest } }, large: { query: Q.accountability, variables: { id: most } },
      latencyQuery: { query: QUERIES.accountability, variables: { id: most } } },
    { name: 'coverageGaps', small: { query: Q.coverage, variables: { input: { regions: [region!.code] } } }, large: { query: Q.coverage, variables: { input: null } },
      latencyQuery: { query: QUERIES.coverageGaps } },
    { name: 'engagementGaps', small: { query: Q.gaps, variables: { id: gapsMost, n: 1 } }, large: { query: Q.gaps, variables: { id: gapsMost, n: 50 } },
      latencyQuery: { query: QUERIES.engagementGaps, variables: { id: gapsMost } } },
    { name: 'attribution', small: { query: Q.attribution, variables: { id: fewShares } }, large: { query: Q.attribution, variables: { id: manyShares } },
      latencyQuery: { query: QUERIES.attribution, variables: { id: manyShares, model: 'TIME_DECAY' } } },
    { name: 'nested list', small: { query: QUERIES.nested, variables: { n: 5 } }, large: { query: QUERIES.nested, variables: { n: 50 } },
      latencyQuery: { query: QUERIES.nested, variables: { n: 20 } } },
    { name: 'partner by id', small: { query: `{ partner(id: ${JSON.stringify(fx.partnerId)}) { id name type } }` },
      large: { query: `{ partner(id: ${JSON.stringify(fx.partnerId)}) { id name type regions { code } capabilities { level } } }` } },
  ];
  if (networkServed) {
    list.push({ name: 'network', small: { query: NETWORK_QUERY, variables: { limit: 20 } }, large: { query: NETWORK_QUERY, variables: { limit: 2000 } } });
  }
  return list;
}

/** The ids with the fewest and the most items. */
function extremes(sizes: Array<[string, number]>): [string, string] {
  if (sizes.length === 0) throw new Error('nothing to choose from');
  const sorted = [...sizes].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return [sorted[0]![0], sorted.at(-1)![0]];
}

/** Objects in a JSON answer: what a client would count as items. */
function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countObjects(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Object.values(value).reduce((n: number, v) => n + countObjects(v), 0);
}

export async function measureRoundTrips(neo4jUri: string, token: string, graph: Graph, fx: Fixture, networkServed: boolean): Promise<RoundTripResult[]> {
  const app = await startApp({ NEO4J_URI: neo4jUri, SEED: 'none', PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: token }, () => {});
  try {
    const count = async (req: Request) => {
      const before = app.open.graph.roundTrips;
      const data = dataOrError(await postGraphql(app.url, token, graphqlBody(req.query, req.variables)));
      return { statements: app.open.graph.roundTrips - before, items: countObjects(data) };
    };
    const results: RoundTripResult[] = [];
    for (const c of await cases(graph, fx, networkServed)) {
      try {
        const small = await count(c.small);
        const large = await count(c.large);
        const latencyStatements = c.latencyQuery ? (await count(c.latencyQuery)).statements : null;
        results.push({
          name: c.name, small, large, latencyStatements,
          constant: small.statements === large.statements,
          note: small.items === large.items ? 'same number of items: not shown' : undefined,
        });
      } catch (err) {
        const empty = { statements: Number.NaN, items: 0 };
        results.push({ name: c.name, small: empty, large: empty, latencyStatements: null, constant: false, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return results;
  } finally {
    await app.close();
  }
}
