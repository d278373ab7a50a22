/**
 * A PARTNER token sees exactly the engagements in which its partner has held a role,
 * and their customers, outcomes and commitments, everywhere in the API; outside that
 * scope things behave exactly as if they did not exist, lists and totalCount included.
 * The partner directory is open to every token. Over real HTTP, on the fixture of
 * tests/support/fixture.ts, whose header lists each token's scope.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { ADMIN, codes, useTestApp, type GqlResponse } from '../../tests/support/api.ts';
import { fixture } from '../../tests/support/fixture.ts';
import { wipe } from '../../tests/support/graph.ts';
import { cursorText, makeTokens, type TestTokens } from '../../tests/support/tokens.ts';

const testApp = useTestApp();
const gql = testApp.gql;
let graph: Graph;
let tokens: TestTokens;
beforeAll(() => { graph = testApp.graph; });

async function load(input: EcosystemInput): Promise<void> {
  await wipe(graph);
  await importEcosystem(graph, input, 120_000); // setup, not under test: no 10 s budget on a busy machine
  tokens = await makeTokens(graph);
}

// ---------------------------------------------------------------------------------
// The fixture, as tables (tests/support/fixture.ts)

const PARTNERS = ['p1', 'p2', 'p3', 'p4', 'p5'] as const;
type PartnerId = (typeof PARTNERS)[number];

/** The header's scope of each PARTNER token. */
const SCOPE: Record<PartnerId, string[]> = { p1: ['e1'], p2: ['e1', 'e2'], p3: ['e2', 'e3'], p4: ['e4'], p5: [] };

const ENGAGEMENTS: Record<string, { name: string; customer: string; outcomes: string[]; commitments: string[]; contributions: string[] }> = {
  e1: { name: 'Claims copilot', customer: 'c1', outcomes: ['o1'], commitments: ['m1', 'm2'], contributions: ['k1', 'k2'] },
  e2: { name: 'Plant analytics', customer: 'c2', outcomes: ['o2'], commitments: [], contributions: [] },
  e3: { name: 'Lakehouse', customer: 'c1', outcomes: [], commitments: ['m3'], contributions: [] },
  e4: { name: 'Marketplace listing', customer: 'c3', outcomes: ['o3'], commitments: ['m4'], contributions: [] },
};
const CUSTOMERS: Record<string, string> = { c1: 'Contoso Bank', c2: 'Fabrikam Works', c3: 'Woodgrove Trust' };
const OUTCOMES: Record<string, { description: string; engagement: string }> = {
  o1: { description: 'Claims handled 30% faster', engagement: 'e1' },
  o2: { description: 'Downtime halved', engagement: 'e2' },
  o3: { description: 'Listed', engagement: 'e4' },
};
const COMMITMENTS: Record<string, { description: string; engagement: string }> = {
  m1: { description: 'Model tuned', engagement: 'e1' },
  m2: { description: 'Data ready', engagement: 'e1' },
  m3: { description: 'Lakehouse live', engagement: 'e3' },
  m4: { description: 'Listing live', engagement: 'e4' },
};

interface Interval { partner: string; engagement: string; role: 'ORCHESTRATOR' | 'CONTRIBUTOR'; from: string; to: string | null }
const INTERVALS: Interval[] = [
  { partner: 'p1', engagement: 'e1', role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-04-01' },
  { partner: 'p1', engagement: 'e1', role: 'CONTRIBUTOR', from: '2026-04-01', to: null },
  { partner: 'p2', engagement: 'e1', role: 'ORCHESTRATOR', from: '2026-04-01', to: null },
  { partner: 'p2', engagement: 'e2', role: 'ORCHESTRATOR', from: '2026-02-01', to: null },
  { partner: 'p3', engagement: 'e2', role: 'CONTRIBUTOR', from: '2026-02-01', to: null },
  { partner: 'p3', engagement: 'e3', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-12-31' },
  { partner: 'p4', engagement: 'e4', role: 'ORCHESTRATOR', from: '2026-03-01', to: null },
];

const ALL_ENGAGEMENTS = Object.keys(ENGAGEMENTS);
const visibleCustomers = (p: PartnerId) => [...new Set(SCOPE[p].map((e) => ENGAGEMENTS[e]!.customer))].sort();
const visibleOutcomes = (p: PartnerId) => Object.keys(OUTCOMES).filter((o) => SCOPE[p].includes(OUTCOMES[o]!.engagement));
const visibleCommitments = (p: PartnerId) => Object.keys(COMMITMENTS).filter((m) => SCOPE[p].includes(COMMITMENTS[m]!.engagement));

/** A partner's intervals as `participations` lists them: newest first, then engagement id, then role. */
function participationsOf(subject: string, within: readonly string[]): Array<Omit<Interval, 'partner'>> {
  return INTERVALS
    .filter((i) => i.partner === subject && within.includes(i.engagement))
    .sort((a, b) => b.from.localeCompare(a.from) || a.engagement.localeCompare(b.engagement) || a.role.localeCompare(b.role))
    .map(({ engagement, role, from, to }) => ({ engagement, role, from, to }));
}

function tokenOf(p: PartnerId): string {
  return tokens.partner[p]!;
}

type Connection<N> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: N }> };

const ENGAGEMENT_LIST = `query List($filter: EngagementFilter, $first: Int, $after: String) {
  engagements(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
}`;

async function engagementIds(token: string, filter: Record<string, unknown> | null = null): Promise<{ ids: string[]; totalCount: number }> {
  const res = await gql<{ engagements: Connection<{ id: string }> }>(ENGAGEMENT_LIST, { filter, first: 100 }, token);
  expect(res.errors).toBeUndefined();
  return { ids: res.data!.engagements.edges.map((e) => e.node.id), totalCount: res.data!.engagements.totalCount };
}

// ---------------------------------------------------------------------------------

describe('a PARTNER token on the fixture', () => {
  beforeAll(async () => load(fixture()));

  it.each(PARTNERS)('%s: `engagements` lists exactly its scope, totalCount included', async (p) => {
    expect(await engagementIds(tokenOf(p))).toEqual({ ids: SCOPE[p], totalCount: SCOPE[p].length });
  });

  it('ADMIN and ANALYST see every engagement', async () => {
    expect(await engagementIds(ADMIN)).toEqual({ ids: ALL_ENGAGEMENTS, totalCount: 4 });
    expect(await engagementIds(tokens.analyst)).toEqual({ ids: ALL_ENGAGEMENTS, totalCount: 4 });
  });

  const ONE_ENGAGEMENT = `query One($id: ID!) {
    engagement(id: $id) {
      id name customer { id name } outcomes { id } commitments { id } contributions { id }
      roleHistory { partner { id } role from to } participants(asOf: "2026-05-01") { partner { id } role }
    }
  }`;
  const ONE_CUSTOMER = `query One($id: ID!) {
    customer(id: $id) { id name region { code } industry { code } engagements { totalCount edges { cursor node { id } } } }
  }`;
  const ONE_OUTCOME = 'query One($id: ID!) { outcome(id: $id) { id description status engagement { id } dependsOn { id } } }';

  it.each(PARTNERS)('%s: `engagement(id)` outside its scope is null, exactly like a made-up id', async (p) => {
    const missing = await gql(ONE_ENGAGEMENT, { id: 'e-none' }, tokenOf(p));
    expect(missing).toEqual({ status: 200, data: { engagement: null } });
    for (const id of ALL_ENGAGEMENTS) {
      const res = await gql<{ engagement: { id: string; name: string; customer: { id: string } } | null }>(ONE_ENGAGEMENT, { id }, tokenOf(p));
      if (SCOPE[p].includes(id)) {
        expect(res.errors).toBeUndefined();
        expect(res.data!.engagement).toMatchObject({ id, name: ENGAGEMENTS[id]!.name, customer: { id: ENGAGEMENTS[id]!.customer } });
      } else {
        expect(res, id).toEqual(missing);
      }
    }
  });

  it.each(PARTNERS)('%s: `customer(id)` is visible only through an engagement in scope, else null like a made-up id', async (p) => {
    const missing = await gql(ONE_CUSTOMER, { id: 'c-none' }, tokenOf(p));
    expect(missing).toEqual({ status: 200, data: { customer: null } });
    for (const id of Object.keys(CUSTOMERS)) {
      const res = await gql<{ customer: { id: string; name: string; engagements: Connection<{ id: string }> } | null }>(ONE_CUSTOMER, { id }, tokenOf(p));
      if (visibleCustomers(p).includes(id)) {
        expect(res.errors).toBeUndefined();
        const inScope = SCOPE[p].filter((e) => ENGAGEMENTS[e]!.customer === id);
        expect(res.data!.customer!.name).toBe(CUSTOMERS[id]);
        // Only the customer's engagements in scope, and totalCount counts only those.
        expect(res.data!.customer!.engagements.edges.map((e) => e.node.id)).toEqual(inScope);
        expect(res.data!.customer!.engagements.totalCount).toBe(inScope.length);
      } else {
        expect(res, id).toEqual(missing);
      }
    }
  });

  it('a customer with engagements in and out of scope counts only those in scope', async () => {
    type C = { customer: { engagements: Connection<{ id: string }> } };
    const counts: Record<string, [number, string[]]> = {};
    for (const [who, token] of [['ADMIN', ADMIN], ['p1', tokenOf('p1')], ['p2', tokenOf('p2')], ['p3', tokenOf('p3')]] as const) {
      const res = await gql<C>(ONE_CUSTOMER, { id: 'c1' }, token);
      counts[who] = [res.data!.customer.engagements.totalCount, res.data!.customer.engagements.edges.map((e) => e.node.id)];
    }
    expect(counts).toEqual({ ADMIN: [2, ['e1', 'e3']], p1: [1, ['e1']], p2: [1, ['e1']], p3: [1, ['e3']] });
  });

  it.each(PARTNERS)('%s: `outcome(id)` outside its scope is null, exactly like a made-up id', async (p) => {
    const missing = await gql(ONE_OUTCOME, { id: 'o-none' }, tokenOf(p));
    expect(missing).toEqual({ status: 200, data: { outcome: null } });
    for (const id of Object.keys(OUTCOMES)) {
      const res = await gql<{ outcome: { id: string; engagement: { id: string } } | null }>(ONE_OUTCOME, { id }, tokenOf(p));
      if (visibleOutcomes(p).includes(id)) {
        expect(res.errors).toBeUndefined();
        expect(res.data!.outcome).toMatchObject({ id, description: OUTCOMES[id]!.description, engagement: { id: OUTCOMES[id]!.engagement } });
      } else {
        expect(res, id).toEqual(missing);
      }
    }
  });

  it.each(PARTNERS)('%s: the customers of out-of-scope engagements are null', async (p) => {
    const hidden = Object.keys(CUSTOMERS).filter((c) => !visibleCustomers(p).includes(c));
    for (const id of hidden) {
      const res = await gql(ONE_CUSTOMER, { id }, tokenOf(p));
      expect(res).toEqual({ status: 200, data: { customer: null } });
    }
    expect(hidden.length + visibleCustomers(p).length).toBe(3);
  });

  const PARTICIPATIONS = `query Participations($id: ID!, $first: Int, $after: String) {
    partner(id: $id) {
      participations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { engagement { id } role from to } } }
      orchestrations: participations(role: ORCHESTRATOR, first: 100) { totalCount edges { node { engagement { id } } } }
    }
  }`;
  type Participations = {
    partner: {
      participations: Connection<{ engagement: { id: string }; role: string; from: string; to: string | null }>;
      orchestrations: Connection<{ engagement: { id: string } }>;
    };
  };

  it.each(PARTNERS)('%s: its own `participations` list all its intervals; another partner\'s only those of engagements in its scope', async (viewer) => {
    for (const subject of PARTNERS) {
      const res = await gql<Participations>(PARTICIPATIONS, { id: subject, first: 100 }, tokenOf(viewer));
      expect(res.errors).toBeUndefined();
      const expected = participationsOf(subject, SCOPE[viewer]);
      if (subject === viewer) expect(expected).toEqual(participationsOf(subject, ALL_ENGAGEMENTS)); // its scope holds all of its own
      const got = res.data!.partner.participations;
      expect(got.edges.map((e) => ({ ...e.node, engagement: e.node.engagement.id })), `${viewer} looking at ${subject}`).toEqual(expected);
      expect(got.totalCount).toBe(expected.length);
      expect(got.pageInfo.hasNextPage).toBe(false);
      const orchestrations = expected.filter((i) => i.role === 'ORCHESTRATOR').map((i) => i.engagement);
      expect(res.data!.partner.orchestrations.edges.map((e) => e.node.engagement.id)).toEqual(orchestrations);
      expect(res.data!.partner.orchestrations.totalCount).toBe(orchestrations.length);
    }
  });

  it('a partner\'s participations in numbers (ADMIN, and the partners that see some of them)', async () => {
    const count = async (token: string, subject: string) =>
      (await gql<Participations>(PARTICIPATIONS, { id: subject, first: 100 }, token)).data!.partner.participations.totalCount;
    expect(await count(ADMIN, 'p2')).toBe(2);
    expect(await count(tokenOf('p1'), 'p2')).toBe(1); // e1 only
    expect(await count(tokenOf('p3'), 'p2')).toBe(1); // e2 only
    expect(await count(tokenOf('p4'), 'p2')).toBe(0);
    expect(await count(tokenOf('p2'), 'p3')).toBe(1); // e2, not e3
    expect(await count(tokenOf('p3'), 'p3')).toBe(2);
  });

  const DEPENDENCIES = `query Deps($id: ID!) {
    engagement(id: $id) {
      commitments { id dependsOn { id engagement { id } } }
      outcomes { id dependsOn { id dependsOn { id } } }
    }
  }`;
  type Deps = { engagement: { commitments: Array<{ id: string; dependsOn: Array<{ id: string }> }>; outcomes: Array<{ id: string; dependsOn: Array<{ id: string; dependsOn: Array<{ id: string }> }> }> } };

  it('`Commitment.dependsOn` leaves out commitments of engagements outside the scope', async () => {
    const view = async (token: string) => {
      const res = await gql<Deps>(DEPENDENCIES, { id: 'e1' }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.engagement;
    };
    // m2 (e1) depends on m3 (e3): p1 and p2 cannot see e3.
    const full = {
      commitments: [{ id: 'm1', dependsOn: [{ id: 'm2', engagement: { id: 'e1' } }] }, { id: 'm2', dependsOn: [{ id: 'm3', engagement: { id: 'e3' } }] }],
      outcomes: [{ id: 'o1', dependsOn: [{ id: 'm1', dependsOn: [{ id: 'm2' }] }] }],
    };
    const scoped = {
      commitments: [{ id: 'm1', dependsOn: [{ id: 'm2', engagement: { id: 'e1' } }] }, { id: 'm2', dependsOn: [] }],
      outcomes: [{ id: 'o1', dependsOn: [{ id: 'm1', dependsOn: [{ id: 'm2' }] }] }],
    };
    expect(await view(ADMIN)).toEqual(full);
    expect(await view(tokens.analyst)).toEqual(full);
    expect(await view(tokenOf('p1'))).toEqual(scoped);
    expect(await view(tokenOf('p2'))).toEqual(scoped);
    // p3 sees e3 (m3) but not e1: nothing to follow from there.
    const p3 = await gql<Deps>(DEPENDENCIES, { id: 'e3' }, tokenOf('p3'));
    expect(p3.data).toEqual({ engagement: { commitments: [{ id: 'm3', dependsOn: [] }], outcomes: [] } });
  });

  it('pagination under scope: pages, hasNextPage and cursors know only the scope', async () => {
    const page = async (token: string, after: string | null) => {
      const res = await gql<{ engagements: Connection<{ id: string }> }>(ENGAGEMENT_LIST, { first: 1, after }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.engagements;
    };
    // p2: e1, then e2, and no hint of e3 / e4.
    const first = await page(tokenOf('p2'), null);
    expect(first.edges.map((e) => e.node.id)).toEqual(['e1']);
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await page(tokenOf('p2'), first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual(['e2']);
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(second.pageInfo.endCursor).toBe(second.edges[0]!.cursor);
    // Past the last page: nothing, and the same totalCount.
    const past = await page(tokenOf('p2'), second.pageInfo.endCursor);
    expect(past).toEqual({ totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    // p1 has one engagement: no next page, where ADMIN has one.
    expect((await page(tokenOf('p1'), null)).pageInfo.hasNextPage).toBe(false);
    expect((await page(ADMIN, null)).pageInfo.hasNextPage).toBe(true);
    // p3 paged from the start: e2, e3.
    const p3a = await page(tokenOf('p3'), null);
    const p3b = await page(tokenOf('p3'), p3a.pageInfo.endCursor);
    expect([...p3a.edges, ...p3b.edges].map((e) => e.node.id)).toEqual(['e2', 'e3']);
    expect(p3b.pageInfo.hasNextPage).toBe(false);

    const cursors: Array<[PartnerId, string]> = [
      ...[first, second].flatMap((c) => c.edges.map((e): [PartnerId, string] => ['p2', e.cursor])),
      ...[p3a, p3b].flatMap((c) => c.edges.map((e): [PartnerId, string] => ['p3', e.cursor])),
    ];

    // A partner's participations, one at a time: p2 seen by p1 (e1 only) and p3 seen by p2 (e2 only).
    for (const [viewer, subject, expected] of [['p1', 'p2', 'e1'], ['p2', 'p3', 'e2']] as const) {
      const res = await gql<Participations>(PARTICIPATIONS, { id: subject, first: 1 }, tokenOf(viewer));
      const list = res.data!.partner.participations;
      expect(list.edges.map((e) => e.node.engagement.id)).toEqual([expected]);
      expect(list.totalCount).toBe(1);
      expect(list.pageInfo.hasNextPage).toBe(false);
      cursors.push(...list.edges.map((e): [PartnerId, string] => [viewer, e.cursor]));
      const after = await gql<Participations>(PARTICIPATIONS, { id: subject, first: 1, after: list.pageInfo.endCursor }, tokenOf(viewer));
      expect(after.data!.partner.participations).toEqual({ totalCount: 1, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }

    // A customer's engagements, one at a time: c1 seen by p3 (e3 only).
    const CUSTOMER_PAGE = `query CustomerPage($after: String) {
      customer(id: "c1") { engagements(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }
    }`;
    type CustomerPage = { customer: { engagements: Connection<{ id: string }> } };
    const c1 = await gql<CustomerPage>(CUSTOMER_PAGE, { after: null }, tokenOf('p3'));
    expect(c1.data!.customer.engagements).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { id: 'e3' } }] });
    cursors.push(...c1.data!.customer.engagements.edges.map((e): [PartnerId, string] => ['p3', e.cursor]));
    const c1Past = await gql<CustomerPage>(CUSTOMER_PAGE, { after: c1.data!.customer.engagements.pageInfo.endCursor }, tokenOf('p3'));
    expect(c1Past.data!.customer.engagements).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    // ADMIN, for comparison: two pages of one.
    const c1Admin = await gql<CustomerPage>(CUSTOMER_PAGE, { after: null });
    expect(c1Admin.data!.customer.engagements).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: 'e1' } }] });
    const c1Admin2 = await gql<CustomerPage>(CUSTOMER_PAGE, { after: c1Admin.data!.customer.engagements.pageInfo.endCursor });
    expect(c1Admin2.data!.customer.engagements).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { id: 'e3' } }] });
    cursors.push(...(await page(tokenOf('p1'), null)).edges.map((e): [PartnerId, string] => ['p1', e.cursor]));

    // None of these cursors carries an engagement id its token may not see.
    expect(cursors).toHaveLength(8);
    for (const [viewer, cursor] of cursors) {
      const text = cursorText(cursor);
      for (const id of ALL_ENGAGEMENTS.filter((e) => !SCOPE[viewer].includes(e))) {
        expect(text, `${viewer}'s cursor ${text}`).not.toMatch(new RegExp(`\\b${id}\\b`));
      }
    }
  });

  it('the partner directory is visible in full to every token', async () => {
    const DIRECTORY = `{
      partners(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
        id name type status tier regions { code name } industries { code name } capabilities { capability { id name } level certified } } } }
      quiet: partner(id: "p5") { id name type status tier regions { code } }
      inactive: partners(filter: { status: INACTIVE }) { totalCount edges { node { id } } }
    }`;
    const admin = await gql<{ partners: Connection<{ id: string }> }>(DIRECTORY);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.partners.totalCount).toBe(5);
    expect(admin.data!.partners.edges.map((e) => e.node.id)).toEqual([...PARTNERS]);
    expect(admin.data!.partners.edges[0]!.node).toEqual({
      id: 'p1', name: 'Northwind Consulting', type: 'SYSTEM_INTEGRATOR', status: 'ACTIVE', tier: 'Gold',
      regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }], industries: [{ code: 'FSI', name: 'Financial services' }],
      capabilities: [{ capability: { id: 'genai', name: 'Generative AI' }, level: 4, certified: true }, { capability: { id: 'sap', name: 'SAP' }, level: 3, certified: false }],
    });
    for (const token of [tokens.analyst, ...PARTNERS.map(tokenOf)]) {
      expect(await gql(DIRECTORY, undefined, token)).toEqual(admin);
    }
  });

  it.each([
    ['p1', { partnerId: 'p4' }, []],
    ['p1', { partnerId: 'p2' }, ['e1']],
    ['p1', { statuses: ['PLANNED', 'COMPLETED'] }, []],
    ['p1', { regions: ['US'] }, []],
    ['p1', { customerId: 'c3' }, []],
    ['p2', { partnerId: 'p3' }, ['e2']],
    ['p2', { customerId: 'c1' }, ['e1']],
    ['p2', { role: 'CONTRIBUTOR' }, ['e1', 'e2']],
    ['p3', { partnerId: 'p2', role: 'ORCHESTRATOR' }, ['e2']],
    ['p3', { customerId: 'c1' }, ['e3']],
    ['p3', { statuses: ['COMPLETED'] }, ['e3']],
    ['p4', { industries: ['FSI'] }, ['e4']],
    ['p4', { partnerId: 'p1' }, []],
    ['p5', {}, []],
  ] as Array<[PartnerId, Record<string, unknown>, string[]]>)('%s with filter %j: %j', async (p, filter, expected) => {
    expect(await engagementIds(tokenOf(p), filter)).toEqual({ ids: expected, totalCount: expected.length });
  });

  it('the same filters for ADMIN, for comparison', async () => {
    expect(await engagementIds(ADMIN, { partnerId: 'p4' })).toEqual({ ids: ['e4'], totalCount: 1 });
    expect(await engagementIds(ADMIN, { customerId: 'c1' })).toEqual({ ids: ['e1', 'e3'], totalCount: 2 });
    expect(await engagementIds(ADMIN, { partnerId: 'p3' })).toEqual({ ids: ['e2', 'e3'], totalCount: 2 });
  });

  /** Every answer that might leak: lookups of everything, every partner's participations, every list, and some errors. */
  async function battery(token: string): Promise<{ text: string; errors: string[] }> {
    const E = `id name status customer { id name engagements { totalCount edges { cursor node { id name } } } }
      outcomes { id description dependsOn { id description } }
      commitments { id description owner { id } dependsOn { id description engagement { id name } } }
      contributions { id partner { id } } roleHistory { partner { id } role from to } participants(asOf: "2026-05-01") { partner { id } }`;
    const operations: Array<[string, Record<string, unknown>?]> = [
      [`{ ${ALL_ENGAGEMENTS.map((id, i) => `a${i}: engagement(id: "${id}") { ${E} }`).join(' ')} }`],
      [`{ ${Object.keys(CUSTOMERS).map((id, i) => `a${i}: customer(id: "${id}") { id name engagements { totalCount edges { cursor node { id name } } } }`).join(' ')} }`],
      [`{ ${Object.keys(OUTCOMES).map((id, i) => `a${i}: outcome(id: "${id}") { id description engagement { id name } dependsOn { id description engagement { id } } }`).join(' ')} }`],
      [`{ ${PARTNERS.map((id, i) => `a${i}: partner(id: "${id}") { participations(first: 10) { totalCount pageInfo { endCursor } edges { cursor node { role engagement { id name customer { id name } } } } } }`).join(' ')} }`],
      [`{ engagements(first: 10) { totalCount pageInfo { endCursor } edges { cursor node { ${E} } } } }`],
      ...PARTNERS.map((id): [string, Record<string, unknown>] => [ENGAGEMENT_LIST, { filter: { partnerId: id }, first: 10 }]),
      ...Object.keys(CUSTOMERS).map((id): [string, Record<string, unknown>] => [ENGAGEMENT_LIST, { filter: { customerId: id }, first: 10 }]),
      ['{ viewer { role partner { id name participations { edges { node { engagement { id name } } } } } } }'],
      // Errors
      ['{ engagements(first: 101) { totalCount } }'],
      [ENGAGEMENT_LIST, { first: 1, after: 'bm90LWEtY3Vyc29y' }],
      [PARTICIPATIONS, { id: 'p3', first: 1, after: 'garbage' }],
      ['{ engagement(id: "e4") { id nonsense } }'],
      ['{ accountability(outcomeId: "o3") { accountable { id } } }'],
      ['mutation { assignRole(engagementId: "e4", partnerId: "p4", role: CONTRIBUTOR, from: "2026-09-01") { id name } }'],
      ['mutation { endParticipation(engagementId: "e3", partnerId: "p3", to: "2026-09-01") { id name } }'],
      ['mutation { setOutcomeStatus(id: "o3", status: MET) { id description } }'],
    ];
    const texts: string[] = [];
    const errors: string[] = [];
    for (const [query, variables] of operations) {
      const res: GqlResponse = await gql(query, variables, token);
      texts.push(JSON.stringify(res));
      errors.push(...codes(res));
    }
    return { text: texts.join('\n'), errors };
  }

  it.each(PARTNERS)('%s: no answer, error or not, mentions an engagement, customer, outcome or commitment outside its scope', async (p) => {
    const hiddenEngagements = ALL_ENGAGEMENTS.filter((e) => !SCOPE[p].includes(e));
    const hiddenCustomers = Object.keys(CUSTOMERS).filter((c) => !visibleCustomers(p).includes(c));
    const hiddenOutcomes = Object.keys(OUTCOMES).filter((o) => !visibleOutcomes(p).includes(o));
    const hiddenCommitments = Object.keys(COMMITMENTS).filter((m) => !visibleCommitments(p).includes(m));
    const hiddenContributions = hiddenEngagements.flatMap((e) => ENGAGEMENTS[e]!.contributions);
    const ids = [...hiddenEngagements, ...hiddenCustomers, ...hiddenOutcomes, ...hiddenCommitments, ...hiddenContributions];
    const names = [
      ...hiddenEngagements.map((e) => ENGAGEMENTS[e]!.name), ...hiddenCustomers.map((c) => CUSTOMERS[c]!),
      ...hiddenOutcomes.map((o) => OUTCOMES[o]!.description), ...hiddenCommitments.map((m) => COMMITMENTS[m]!.description),
    ];

    const { text, errors } = await battery(tokenOf(p));
    for (const name of names) expect(text.includes(name), `${p}'s answers mention "${name}"`).toBe(false);
    for (const id of ids) expect(text, `${p}'s answers mention ${id}`).not.toMatch(new RegExp(`\\b${id}\\b`));
    // The refusals are the contract's: limits and bad cursors, validation, writes that are not the partner's,
    // and (accountability of an outcome out of scope) NOT_FOUND.
    expect(errors.filter((c) => !['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND'].includes(c))).toEqual([]);
    expect(errors.filter((c) => c === 'FORBIDDEN')).toHaveLength(3);
  });

  it('the same battery as ADMIN does mention them (so the check above can fail)', async () => {
    const { text } = await battery(ADMIN);
    for (const name of ['Woodgrove Trust', 'Marketplace listing', 'Lakehouse live', 'Downtime halved']) expect(text).toContain(name);
    for (const id of ['e4', 'c3', 'o3', 'm4', 'k2']) expect(text).toMatch(new RegExp(`\\b${id}\\b`));
    await load(fixture()); // ADMIN's writes in the battery may have run
  });
});

describe('Outcome.dependsOn across engagements', () => {
  // The fixture with o2 (e2) depending on m1 (e1) and m3 (e3).
  beforeAll(async () => {
    const input = fixture();
    input.engagements!.find((e) => e.id === 'e2')!.outcomes![0]!.dependsOn = ['m1', 'm3'];
    await load(input);
  });

  const O2 = `{
    outcome(id: "o2") { id dependsOn { id engagement { id } } }
    engagement(id: "e2") { outcomes { id dependsOn { id } } }
  }`;
  type O2Data = { outcome: { id: string; dependsOn: Array<{ id: string; engagement: { id: string } }> } | null; engagement: { outcomes: Array<{ id: string; dependsOn: Array<{ id: string }> }> } | null };

  it('ADMIN and ANALYST see both dependencies', async () => {
    const expected = {
      outcome: { id: 'o2', dependsOn: [{ id: 'm1', engagement: { id: 'e1' } }, { id: 'm3', engagement: { id: 'e3' } }] },
      engagement: { outcomes: [{ id: 'o2', dependsOn: [{ id: 'm1' }, { id: 'm3' }] }] },
    };
    expect((await gql<O2Data>(O2)).data).toEqual(expected);
    expect((await gql<O2Data>(O2, undefined, tokens.analyst)).data).toEqual(expected);
  });

  it('each PARTNER token sees only the dependencies in its scope', async () => {
    const seen: Record<string, O2Data | null | undefined> = {};
    for (const p of PARTNERS) seen[p] = (await gql<O2Data>(O2, undefined, tokenOf(p))).data;
    expect(seen).toEqual({
      p1: { outcome: null, engagement: null },
      p2: { outcome: { id: 'o2', dependsOn: [{ id: 'm1', engagement: { id: 'e1' } }] }, engagement: { outcomes: [{ id: 'o2', dependsOn: [{ id: 'm1' }] }] } },
      p3: { outcome: { id: 'o2', dependsOn: [{ id: 'm3', engagement: { id: 'e3' } }] }, engagement: { outcomes: [{ id: 'o2', dependsOn: [{ id: 'm3' }] }] } },
      p4: { outcome: null, engagement: null },
      p5: { outcome: null, engagement: null },
    });
  });
});
