/**
 * Reads that follow the selection (issue 22). A page's rows are the same whether its
 * totalCount is selected or not, and whether the next levels are read in the same
 * statement (a partner's participations with their engagements and customers, an
 * engagement's outcomes with their dependencies and owners) or one level at a time.
 * Each partner's page is cut in the database, also when one batch asks pages of two
 * sizes. The expected lists come from one plain read of the intervals, sorted here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEcosystem } from '../../seeds/generate.ts';
import { useTestApp } from '../../tests/support/api.ts';
import { makeTokens } from '../../tests/support/tokens.ts';

const t = useTestApp(() => generateEcosystem({ partners: 80, engagements: 600, seed: 7 }));

interface Interval {
  partnerId: string; role: string; from: string; to: string | null;
  engagement: { id: string; name: string; status: string; customer: { id: string; name: string; region: { code: string } } };
}
interface PageOf<T> { edges: Array<{ cursor: string; node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount?: number }
type Row = Omit<Interval, 'partnerId'>;

const ROWS = 'edges { cursor node { role from to engagement { id name status customer { id name region { code } } } } } pageInfo { hasNextPage endCursor }';

/** Every interval, newest first per partner (`from` descending, then engagement id, then role), as the contract orders them. */
let intervals: Map<string, Row[]>;
/** Partners with at least eight intervals, so pages of 2, 3 and 7 cut something. */
let busy: string[];

beforeAll(async () => {
  const rows = await t.graph.read<Interval>(`
    MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e:Engagement)-[:FOR]->(c:Customer)-[:LOCATED_IN]->(g:Region)
    RETURN p.id AS partnerId, r.role AS role, toString(r.from) AS from, toString(r.to) AS to,
           {id: e.id, name: e.name, status: e.status, customer: {id: c.id, name: c.name, region: {code: g.code}}} AS engagement`);
  rows.sort((a, b) => (a.from === b.from ? 0 : a.from < b.from ? 1 : -1)
    || a.engagement.id.localeCompare(b.engagement.id) || a.role.localeCompare(b.role));
  intervals = new Map();
  for (const { partnerId, ...row } of rows) intervals.set(partnerId, [...(intervals.get(partnerId) ?? []), row]);
  busy = [...intervals].filter(([, list]) => list.length >= 8).map(([id]) => id).sort().slice(0, 6);
  expect(busy.length).toBe(6);
});

const nodes = <T>(page: PageOf<T>) => page.edges.map((e) => e.node);

describe('participations read with the partners page', () => {
  it('are the same rows with and without totalCount, and each is the first page of the partner', async () => {
    const ask = (total: string) => t.gql<{ partners: PageOf<{ id: string; participations: PageOf<Row> }> & { totalCount?: number } }>(
      `{ partners(first: 40) { ${total} edges { node { id participations(first: 4) { ${total} ${ROWS} } } } } }`);
    const [without, withTotal] = [await ask(''), await ask('totalCount')];
    expect(without.errors).toBeUndefined();
    expect(withTotal.errors).toBeUndefined();
    expect(without.data!.partners.totalCount).toBeUndefined();
    expect(withTotal.data!.partners.totalCount).toBe(80);
    const partners = without.data!.partners.edges.map((e) => e.node);
    expect(partners.length).toBe(40);
    for (const [i, partner] of partners.entries()) {
      const expected = intervals.get(partner.id) ?? [];
      expect(nodes(partner.participations)).toEqual(expected.slice(0, 4));
      expect(partner.participations.pageInfo.hasNextPage).toBe(expected.length > 4);
      const counted = withTotal.data!.partners.edges[i]!.node.participations;
      expect(counted.totalCount).toBe(expected.length);
      expect(counted.edges).toEqual(partner.participations.edges);
    }
  });

  it('cut per partner in one batch of two page sizes, and followed page by page to the end', async () => {
    const res = await t.gql<{ partners: PageOf<{ id: string; small: PageOf<Row>; big: PageOf<Row> }> }>(
      `{ partners(first: 80) { edges { node { id small: participations(first: 2) { ${ROWS} } big: participations(first: 7) { ${ROWS} } } } } }`);
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.partners.edges) {
      const expected = intervals.get(node.id) ?? [];
      expect(nodes(node.small)).toEqual(expected.slice(0, 2));
      expect(nodes(node.big)).toEqual(expected.slice(0, 7));
    }
    for (const id of busy) {
      const seen: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data?: { partner: { participations: PageOf<Row> } } | null } = await t.gql(
          `query($id: ID!, $after: String) { partner(id: $id) { participations(first: 3, after: $after) { ${ROWS} } } }`, { id, after });
        seen.push(...nodes(page.data!.partner.participations));
        if (!page.data!.partner.participations.pageInfo.hasNextPage) break;
        after = page.data!.partner.participations.pageInfo.endCursor;
      }
      expect(seen).toEqual(intervals.get(id));
    }
  });

  it('a PARTNER token sees the intervals of the engagements in its scope only, with and without totalCount', async () => {
    const scopeId = busy[0]!;
    const token = (await makeTokens(t.graph, [scopeId])).partner[scopeId]!;
    const inScope = new Set((intervals.get(scopeId) ?? []).map((r) => r.engagement.id));
    for (const total of ['', 'totalCount']) {
      const res = await t.gql<{ partners: PageOf<{ id: string; participations: PageOf<Row> }> }>(
        `{ partners(first: 80) { edges { node { id participations(first: 5) { ${total} ${ROWS} } } } } }`, undefined, token);
      expect(res.errors).toBeUndefined();
      let others = 0;
      for (const { node } of res.data!.partners.edges) {
        const expected = (intervals.get(node.id) ?? []).filter((r) => inScope.has(r.engagement.id));
        expect(nodes(node.participations)).toEqual(expected.slice(0, 5));
        if (total) expect(node.participations.totalCount).toBe(expected.length);
        if (node.id !== scopeId) others += node.participations.edges.length;
      }
      expect(others).toBeGreaterThan(0); // co-participants are listed, within the scope
    }
  });
});

describe('what the statements read', () => {
  /** The statements one request sends, in order. */
  async function sent(query: string): Promise<string[]> {
    const seen: string[] = [];
    t.graph.onStatement = (cypher) => seen.push(cypher);
    try {
      const res = await t.gql(query);
      expect(res.errors).toBeUndefined();
    } finally {
      t.graph.onStatement = null;
    }
    return seen;
  }

  it('is what the operation selects, and nothing else', async () => {
    const lean = await sent('{ partners(first: 5) { edges { node { id participations(first: 2) { edges { node { role engagement { id name } } } } } } } }');
    expect(lean.length).toBe(2);
    const [page, participations] = lean as [string, string];
    for (const unasked of ['count(', 'OPERATES_IN', 'HOLDS', 'p.type', 'p.tier']) expect(page).not.toContain(unasked);
    for (const unasked of ['count(', ':Customer', ':Outcome', 'e.value', 'e.status', 'toString(r.to)']) expect(participations).not.toContain(unasked);

    const full = await sent(`{ partners(first: 5) { totalCount edges { node { id regions { code } participations(first: 2) { totalCount edges { node {
      role to engagement { id status customer { id } outcomes { id } } } } } } } } }`);
    expect(full.length).toBe(2);
    const [fullPage, fullParticipations] = full as [string, string];
    for (const asked of ['count(', 'OPERATES_IN']) expect(fullPage).toContain(asked);
    for (const asked of ['count(', ':Customer', ':Outcome', 'e.status', 'toString(r.to)']) expect(fullParticipations).toContain(asked);
  });
});

describe('pages asked without totalCount', () => {
  it('partners, engagements and a customer\'s engagements hold the same rows as with it', async () => {
    const shapes = [
      (total: string) => `{ partners(first: 25, filter: { types: [SYSTEM_INTEGRATOR, ISV, MSP] }) { ${total} edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`,
      (total: string) => `{ engagements(first: 25, filter: { statuses: [ACTIVE] }) { ${total} edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`,
      (total: string) => `{ engagements(first: 10) { edges { node { customer { id engagements(first: 2) { ${total} edges { cursor node { id } } pageInfo { hasNextPage } } } } } } }`,
    ];
    for (const shape of shapes) {
      const [without, withTotal] = [await t.gql(shape('')), await t.gql(shape('totalCount'))];
      expect(without.errors).toBeUndefined();
      expect(withTotal.errors).toBeUndefined();
      const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'totalCount' ? undefined : v)));
      expect(without.data).toEqual(strip(withTotal.data));
      expect(JSON.stringify(withTotal.data)).toContain('"totalCount":');
    }
  });
});

describe('an engagement\'s outcomes with their dependencies and owners', () => {
  it('read in one statement, equal the same read one level at a time', async () => {
    const ids = await t.graph.read<{ id: string }>(`
      MATCH (e:Engagement)<-[:OF]-(:Outcome)-[:DEPENDS_ON]->(:Commitment)
      WITH e, count(*) AS deps WHERE deps >= 3
      RETURN e.id AS id ORDER BY id LIMIT 5`);
    expect(ids.length).toBe(5);
    type Dep = { id: string; status: string; owner: { id: string; name: string; regions: Array<{ code: string }> } };
    for (const { id } of ids) {
      const before = t.graph.roundTrips;
      const joined = await t.gql<{ engagement: { outcomes: Array<{ id: string; dependsOn: Dep[] }> } }>(
        `query($id: ID!) { engagement(id: $id) { outcomes { id dependsOn { id status owner { id name regions { code } } } } } }`, { id });
      expect(joined.errors).toBeUndefined();
      // The engagement with its outcomes, their dependencies and owners.
      expect(t.graph.roundTrips - before).toBe(1);
      const outcomes = joined.data!.engagement.outcomes;
      expect(outcomes.flatMap((o) => o.dependsOn).length).toBeGreaterThanOrEqual(3);
      for (const outcome of outcomes) {
        const alone = await t.gql<{ outcome: { dependsOn: Dep[] } }>(
          `query($id: ID!) { outcome(id: $id) { dependsOn { id status owner { id name regions { code } } } } }`, { id: outcome.id });
        expect(outcome.dependsOn).toEqual(alone.data!.outcome.dependsOn);
      }
    }
  });

  it('read inside a partner\'s participations (where the partner is bound), equal the same read one level at a time', async () => {
    type Dep = { id: string; owner: { id: string; name: string } };
    type Engaged = { id: string; customer: { id: string; name: string }; outcomes: Array<{ id: string; dependsOn: Dep[] }> };
    const before = t.graph.roundTrips;
    const res = await t.gql<{ partners: PageOf<{ id: string; participations: PageOf<{ engagement: Engaged }> }> }>(
      `{ partners(first: 30) { edges { node { id participations(first: 6) { edges { node { engagement {
          id customer { id name } outcomes { id dependsOn { id owner { id name } } } } } } } } } } }`);
    expect(res.errors).toBeUndefined();
    // The partners page, then the participations with everything below them.
    expect(t.graph.roundTrips - before).toBe(2);
    const engaged = res.data!.partners.edges.flatMap((p) => nodes(p.node.participations).map((n) => n.engagement));
    const owners = engaged.flatMap((e) => e.outcomes.flatMap((o) => o.dependsOn.map((d) => d.owner.id)));
    expect(new Set(owners).size).toBeGreaterThan(5); // owners other than the page's partners
    for (const engagement of engaged.slice(0, 25)) {
      const alone = await t.gql<{ engagement: { customer: Engaged['customer'] } }>(
        `query($id: ID!) { engagement(id: $id) { customer { id name } } }`, { id: engagement.id });
      expect(engagement.customer).toEqual(alone.data!.engagement.customer);
      for (const outcome of engagement.outcomes) {
        const deps = await t.gql<{ outcome: { dependsOn: Dep[] } }>(
          `query($id: ID!) { outcome(id: $id) { dependsOn { id owner { id name } } } }`, { id: outcome.id });
        expect(outcome.dependsOn).toEqual(deps.data!.outcome.dependsOn);
      }
    }
  });
});
