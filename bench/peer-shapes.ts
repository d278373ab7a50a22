/**
 * The three reads of issue 22, each as Ecomap asks it (api/contract/schema.graphql) and as
 * the peer (@neo4j/graphql 7 on bench/peer-typedefs.ts) asks it, with the ids they are
 * asked with and a normaliser per side that turns either answer into the same plain
 * structure, so the two can be compared before anything is timed.
 *
 * The peer's sort arguments give Ecomap's orders: a partner's participations newest first
 * (`from` descending, then engagement id, then role: graph/engagements/participations.queries.ts),
 * regions by code and capabilities by capability id (graph/directory/partners.queries.ts),
 * outcomes by due date then id and dependencies by commitment id
 * (graph/engagements/engagements.queries.ts, outcomes-commitments.queries.ts).
 *
 * The ids are picked for real work: pages of 20 consecutive partners (Ecomap's list is by
 * id, and a page starts after a cursor) where the partners have the most participations,
 * the partners with the most regions and capabilities, and, among the fixture's ACTIVE
 * engagements, those with the most outcomes and dependencies.
 */
import type { Graph } from '../graph/db/index.ts';
import type { Fixture } from './fixture.ts';

export type ShapeName = 'nested list' | 'partner by id' | 'deep';

export interface VariableSet {
  ecomap: Record<string, unknown>;
  peer: Record<string, unknown>;
}

export interface Shape {
  name: ShapeName;
  ecomapQuery: string;
  peerQuery: string;
  /** What the ids are, for the report. */
  picked: string;
  sets: VariableSet[];
  /** The answer's `data` as a plain structure, the same for both sides when they agree. */
  normaliseEcomap(data: unknown): unknown;
  normalisePeer(data: unknown): unknown;
}

const PAGE = 20;
const PARTICIPATIONS = 100;
/** Pages of the nested list, partners asked by id, engagements asked deep. */
const PAGES = 5;
const PARTNERS = 20;
const ENGAGEMENTS = 20;

export const QUERIES = {
  nested: {
    ecomap: `query Nested($after: String) { partners(first: ${PAGE}, after: $after) { edges { node { id name
  participations(first: ${PARTICIPATIONS}) { edges { node { role from to engagement { id name customer { id name } } } } } } } } }`,
    peer: `query Nested($ids: [ID!]!) { partners(where: { id: { in: $ids } }, sort: [{ id: ASC }], limit: ${PAGE}) { id name
  participationsConnection(first: ${PARTICIPATIONS}, sort: [{ edge: { from: DESC } }, { node: { id: ASC } }, { edge: { role: ASC } }]) {
    edges { properties { role from to } node { id name customer { id name } } } } } }`,
  },
  partner: {
    ecomap: 'query Partner($id: ID!) { partner(id: $id) { id name regions { code name } capabilities { level certified capability { id name } } } }',
    peer: `query Partner($id: ID!) { partners(where: { id: { eq: $id } }) { id name regions(sort: [{ code: ASC }]) { code name }
  capabilitiesConnection(sort: [{ node: { id: ASC } }]) { edges { properties { level certified } node { id name } } } } }`,
  },
  deep: {
    ecomap: 'query Deep($id: ID!) { engagement(id: $id) { id outcomes { id dependsOn { id owner { id name } } } } }',
    peer: `query Deep($id: ID!) { engagements(where: { id: { eq: $id } }) { id
  outcomes(sort: [{ dueDate: ASC }, { id: ASC }]) { id dependsOn(sort: [{ id: ASC }]) { id owner { id name } } } } }`,
  },
} as const;

// The answers' shapes, as far as the normalisers read them.
interface Named { id: string; name: string }
interface Coded { code: string; name: string }
interface Edges<T> { edges: Array<{ node: T }> }
interface EcomapParticipation { role: string; from: string; to: string | null; engagement: Named & { customer: Named | null } }
interface PeerParticipation { properties: { role: string; from: string; to: string | null }; node: Named & { customer: Named | null } }
interface Holding { level: number; certified: boolean }
interface DeepOutcome { id: string; dependsOn: Array<{ id: string; owner: Named | null }> }

const named = (n: Named | null) => (n === null ? null : { id: n.id, name: n.name });
const coded = (c: Coded) => ({ code: c.code, name: c.name });
const outcomes = (list: DeepOutcome[]) => list.map((o) => ({ id: o.id, dependsOn: o.dependsOn.map((m) => ({ id: m.id, owner: named(m.owner) })) }));

/**
 * Ecomap's partner list cursor for "after the partner with this id": the base64url JSON
 * of the row's sort key (graph/model/page.ts, whose door does not export it). Should it
 * change, Ecomap refuses the cursor and the equality check before timing says so.
 */
function partnerCursor(id: string): string {
  return Buffer.from(JSON.stringify([id]), 'utf8').toString('base64url');
}

/** Reads the ids (a few small statements) and returns the three shapes. */
export async function loadShapes(graph: Graph, fx: Fixture): Promise<Shape[]> {
  return [await nestedShape(graph), await partnerShape(graph), await deepShape(graph, fx)];
}

async function nestedShape(graph: Graph): Promise<Shape> {
  const rows = await graph.read<{ id: string; n: number }>(
    'MATCH (p:Partner) RETURN p.id AS id, COUNT { (p)-[:PARTICIPATES_IN]->() } AS n ORDER BY id');
  if (rows.length < PAGE) throw new Error(`the nested list needs ${PAGE} partners, the graph has ${rows.length}`);
  // Every window of PAGE consecutive partners, by the participations a page returns (at
  // most PARTICIPATIONS a partner); the best PAGES windows that do not overlap.
  const capped = rows.map((r) => Math.min(PARTICIPATIONS, r.n));
  const windows: Array<{ start: number; sum: number }> = [];
  let sum = capped.slice(0, PAGE).reduce((a, b) => a + b, 0);
  for (let start = 0; start + PAGE <= rows.length; start++) {
    if (start > 0) sum += capped[start + PAGE - 1]! - capped[start - 1]!;
    windows.push({ start, sum });
  }
  windows.sort((a, b) => b.sum - a.sum || a.start - b.start);
  const chosen: typeof windows = [];
  for (const w of windows) {
    if (chosen.length === PAGES) break;
    if (chosen.every((c) => Math.abs(c.start - w.start) >= PAGE)) chosen.push(w);
  }
  const sets = chosen.map(({ start }) => ({
    ecomap: { after: start === 0 ? null : partnerCursor(rows[start - 1]!.id) },
    peer: { ids: rows.slice(start, start + PAGE).map((r) => r.id) },
  }));
  const mean = chosen.reduce((a, w) => a + w.sum, 0) / chosen.length;
  return {
    name: 'nested list',
    ecomapQuery: QUERIES.nested.ecomap,
    peerQuery: QUERIES.nested.peer,
    picked: `${chosen.length} pages of ${PAGE} consecutive partners (of ${rows.length.toLocaleString('en-US')}), the windows with the most `
      + `participations: ${Math.round(mean).toLocaleString('en-US')} a page on average (at most ${(PAGE * PARTICIPATIONS).toLocaleString('en-US')})`,
    sets,
    normaliseEcomap: (data) => (data as { partners: Edges<Named & { participations: Edges<EcomapParticipation> }> }).partners.edges.map(({ node: p }) => ({
      id: p.id, name: p.name,
      participations: p.participations.edges.map(({ node: r }) => ({
        role: r.role, from: r.from, to: r.to, engagement: { id: r.engagement.id, name: r.engagement.name, customer: named(r.engagement.customer) },
      })),
    })),
    normalisePeer: (data) => (data as { partners: Array<Named & { participationsConnection: { edges: PeerParticipation[] } }> }).partners.map((p) => ({
      id: p.id, name: p.name,
      participations: p.participationsConnection.edges.map(({ properties: r, node: e }) => ({
        role: r.role, from: r.from, to: r.to, engagement: { id: e.id, name: e.name, customer: named(e.customer) },
      })),
    })),
  };
}

async function partnerShape(graph: Graph): Promise<Shape> {
  const rows = await graph.read<{ id: string; regions: number; capabilities: number }>(`
    MATCH (p:Partner)
    WITH p, COUNT { (p)-[:OPERATES_IN]->(:Region) } AS regions, COUNT { (p)-[:HOLDS]->(:Capability) } AS capabilities
    RETURN p.id AS id, regions, capabilities ORDER BY regions + capabilities DESC, id LIMIT $n`, { n: PARTNERS });
  if (rows.length === 0) throw new Error('the graph has no partners');
  const mean = (k: 'regions' | 'capabilities') => (rows.reduce((a, r) => a + r[k], 0) / rows.length).toFixed(1);
  return {
    name: 'partner by id',
    ecomapQuery: QUERIES.partner.ecomap,
    peerQuery: QUERIES.partner.peer,
    picked: `${rows.length} partners with the most regions and capabilities: ${mean('regions')} regions and ${mean('capabilities')} capabilities on average`,
    sets: rows.map((r) => ({ ecomap: { id: r.id }, peer: { id: r.id } })),
    normaliseEcomap: (data) => {
      const p = (data as { partner: Named & { regions: Coded[]; capabilities: Array<Holding & { capability: Named }> } | null }).partner;
      return p && {
        id: p.id, name: p.name, regions: p.regions.map(coded),
        capabilities: p.capabilities.map((h) => ({ level: h.level, certified: h.certified, capability: named(h.capability) })),
      };
    },
    normalisePeer: (data) => {
      const [p] = (data as { partners: Array<Named & { regions: Coded[]; capabilitiesConnection: { edges: Array<{ properties: Holding; node: Named }> } }> }).partners;
      return p ? {
        id: p.id, name: p.name, regions: p.regions.map(coded),
        capabilities: p.capabilitiesConnection.edges.map((e) => ({ level: e.properties.level, certified: e.properties.certified, capability: named(e.node) })),
      } : null;
    },
  };
}

async function deepShape(graph: Graph, fx: Fixture): Promise<Shape> {
  const rows = await graph.read<{ id: string; outcomes: number; dependencies: number }>(`
    UNWIND $ids AS id
    MATCH (e:Engagement {id: id})
    WITH e, COUNT { (:Outcome)-[:OF]->(e) } AS outcomes,
         COUNT { MATCH (o:Outcome)-[:OF]->(e), (o)-[:DEPENDS_ON]->(m:Commitment) RETURN m } AS dependencies
    RETURN e.id AS id, outcomes, dependencies ORDER BY dependencies DESC, outcomes DESC, id LIMIT $n`,
  { ids: fx.activeEngagements, n: ENGAGEMENTS });
  if (rows.length === 0) throw new Error('the fixture has no ACTIVE engagements');
  const mean = (k: 'outcomes' | 'dependencies') => (rows.reduce((a, r) => a + r[k], 0) / rows.length).toFixed(1);
  return {
    name: 'deep',
    ecomapQuery: QUERIES.deep.ecomap,
    peerQuery: QUERIES.deep.peer,
    picked: `${rows.length} of the fixture's ${fx.activeEngagements.length.toLocaleString('en-US')} ACTIVE engagements with the most outcome dependencies: `
      + `${mean('outcomes')} outcomes and ${mean('dependencies')} dependencies on average`,
    sets: rows.map((r) => ({ ecomap: { id: r.id }, peer: { id: r.id } })),
    normaliseEcomap: (data) => {
      const e = (data as { engagement: { id: string; outcomes: DeepOutcome[] } | null }).engagement;
      return e && { id: e.id, outcomes: outcomes(e.outcomes) };
    },
    normalisePeer: (data) => {
      const [e] = (data as { engagements: Array<{ id: string; outcomes: DeepOutcome[] }> }).engagements;
      return e ? { id: e.id, outcomes: outcomes(e.outcomes) } : null;
    },
  };
}
