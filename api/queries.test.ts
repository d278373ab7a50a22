/** Entity queries over HTTP, as ADMIN, against the fixture (tests/support/fixture.ts). */
import { describe, expect, it } from 'vitest';
import { codes, useTestApp } from '../tests/support/api.ts';
import { fixture } from '../tests/support/fixture.ts';

const t = useTestApp(fixture);
const { gql } = t;

type Ids = { totalCount: number; edges: Array<{ node: { id: string } }> };
const ids = (c: Ids) => c.edges.map((e) => e.node.id);

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

describe('viewer and the partner directory', () => {
  it('viewer says who asks', async () => {
    expect(await data('{ viewer { role partner { id } } }')).toEqual({ viewer: { role: 'ADMIN', partner: null } });
  });

  it('partner(id) with regions, industries and capabilities; null for an unknown id', async () => {
    expect(await data(`{ partner(id: "p1") { id name type status tier regions { code name } industries { code }
      capabilities { capability { id name } level certified } } nope: partner(id: "zz") { id } }`)).toEqual({
      partner: {
        id: 'p1', name: 'Northwind Consulting', type: 'SYSTEM_INTEGRATOR', status: 'ACTIVE', tier: 'Gold',
        regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }], industries: [{ code: 'FSI' }],
        capabilities: [
          { capability: { id: 'genai', name: 'Generative AI' }, level: 4, certified: true },
          { capability: { id: 'sap', name: 'SAP' }, level: 3, certified: false },
        ],
      },
      nope: null,
    });
  });

  it('partners: filters combine (any value within a filter, all filters together)', async () => {
    const q = `query($f: PartnerFilter) { partners(filter: $f) { totalCount edges { node { id } } } }`;
    const run = async (f: Record<string, unknown>) => ids((await data<{ partners: Ids }>(q, { f })).partners);
    expect(await run({})).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(await run({ types: ['MSP', 'AI_NATIVE'] })).toEqual(['p2', 'p3']);
    expect(await run({ regions: ['FR'] })).toEqual(['p1', 'p3']);
    expect(await run({ industries: ['MFG'] })).toEqual(['p2', 'p3']);
    expect(await run({ capabilities: ['data'] })).toEqual(['p3', 'p4']);
    expect(await run({ status: 'INACTIVE' })).toEqual(['p5']);
    expect(await run({ nameContains: 'LAB' })).toEqual(['p2']);
    expect(await run({ regions: ['DE'], capabilities: ['genai'], types: ['AI_NATIVE'] })).toEqual(['p2']);
    expect(await run({ regions: ['XX'] })).toEqual([]);
  });

  it('partners: pages with opaque cursors, totalCount and hasNextPage', async () => {
    const q = `query($after: String) { partners(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { partners }: { partners: any } = await data(q, { after });
      expect(partners.totalCount).toBe(5);
      seen.push(...ids(partners));
      expect(partners.pageInfo.hasNextPage).toBe(page < 2);
      expect(partners.pageInfo.endCursor).toBe(partners.edges.at(-1).cursor);
      expect(partners.pageInfo.endCursor).not.toContain('p'); // opaque, not the id itself
      after = partners.pageInfo.endCursor;
    }
    expect(seen).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('a cursor that is not ours is BAD_USER_INPUT; first: 0 gives only the count', async () => {
    expect(codes(await gql('{ partners(after: "bogus") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(await data('{ partners(first: 0) { totalCount pageInfo { hasNextPage } edges { cursor } } }')).toEqual({
      partners: { totalCount: 5, pageInfo: { hasNextPage: true }, edges: [] },
    });
  });

  it("a partner's participations, newest first, filtered by role, paged", async () => {
    const { partner } = await data(`{ partner(id: "p1") {
      all: participations { totalCount edges { node { role from to engagement { id } partner { id } } } }
      orch: participations(role: ORCHESTRATOR) { totalCount edges { node { from } } }
      first: participations(first: 1) { pageInfo { hasNextPage endCursor } edges { node { role } } } } }`);
    expect(partner.all).toEqual({
      totalCount: 2,
      edges: [
        { node: { role: 'CONTRIBUTOR', from: '2026-04-01', to: null, engagement: { id: 'e1' }, partner: { id: 'p1' } } },
        { node: { role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-04-01', engagement: { id: 'e1' }, partner: { id: 'p1' } } },
      ],
    });
    expect(partner.orch).toEqual({ totalCount: 1, edges: [{ node: { from: '2026-01-01' } }] });
    const next = await data(`query($a: String) { partner(id: "p1") { participations(first: 1, after: $a) { pageInfo { hasNextPage } edges { node { role } } } } }`,
      { a: partner.first.pageInfo.endCursor });
    expect(partner.first.edges[0].node.role).toBe('CONTRIBUTOR');
    expect(next.partner.participations).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { role: 'ORCHESTRATOR' } }] });
  });
});

describe('engagements, customers and what they hold', () => {
  it('engagements: every filter', async () => {
    const q = `query($f: EngagementFilter) { engagements(filter: $f) { totalCount edges { node { id } } } }`;
    const run = async (f: Record<string, unknown>) => {
      const { engagements } = await data<{ engagements: Ids }>(q, { f });
      expect(engagements.totalCount).toBe(engagements.edges.length);
      return ids(engagements);
    };
    expect(await run({})).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(await run({ statuses: ['ACTIVE', 'PLANNED'] })).toEqual(['e1', 'e2', 'e4']);
    expect(await run({ partnerId: 'p3' })).toEqual(['e2', 'e3']);
    expect(await run({ partnerId: 'p3', role: 'ORCHESTRATOR' })).toEqual(['e3']);
    expect(await run({ partnerId: 'p1', role: 'CONTRIBUTOR' })).toEqual(['e1']);
    expect(await run({ customerId: 'c1' })).toEqual(['e1', 'e3']);
    expect(await run({ regions: ['FR', 'US'] })).toEqual(['e2', 'e4']);
    expect(await run({ industries: ['FSI'], statuses: ['ACTIVE'] })).toEqual(['e1', 'e4']);
  });

  it('an engagement with its customer, requirements, contributions, commitments and outcomes', async () => {
    const { engagement } = await data(`{ engagement(id: "e1") { id name status value currency startDate endDate
      customer { id name region { code } industry { code } }
      requirements { capability { id } level }
      contributions { id kind date amount partner { id } engagement { id } }
      commitments { id status dueDate owner { id } engagement { id } dependsOn { id } }
      outcomes { id status dueDate engagement { id } dependsOn { id owner { id } } } } }`);
    expect(engagement).toEqual({
      id: 'e1', name: 'Claims copilot', status: 'ACTIVE', value: 1_000_000, currency: 'USD', startDate: '2026-01-01', endDate: null,
      customer: { id: 'c1', name: 'Contoso Bank', region: { code: 'DE' }, industry: { code: 'FSI' } },
      requirements: [{ capability: { id: 'data' }, level: 3 }, { capability: { id: 'genai' }, level: 3 }],
      contributions: [
        { id: 'k1', kind: 'SOURCED', date: '2025-12-01', amount: null, partner: { id: 'p1' }, engagement: { id: 'e1' } },
        { id: 'k2', kind: 'DELIVERY', date: '2026-02-01', amount: 5000, partner: { id: 'p2' }, engagement: { id: 'e1' } },
      ],
      commitments: [
        { id: 'm1', status: 'FAILED', dueDate: '2026-05-01', owner: { id: 'p1' }, engagement: { id: 'e1' }, dependsOn: [{ id: 'm2' }] },
        { id: 'm2', status: 'LATE', dueDate: null, owner: { id: 'p2' }, engagement: { id: 'e1' }, dependsOn: [{ id: 'm3' }] },
      ],
      outcomes: [{ id: 'o1', status: 'MISSED', dueDate: '2026-06-30', engagement: { id: 'e1' }, dependsOn: [{ id: 'm1', owner: { id: 'p1' } }] }],
    });
  });

  it('orchestrator and participants on a date: the handover day belongs to the new orchestrator', async () => {
    const { engagement } = await data(`{ engagement(id: "e1") {
      before: orchestrator(asOf: "2026-03-31") { id }
      on: orchestrator(asOf: "2026-04-01") { id }
      early: orchestrator(asOf: "2025-12-31") { id }
      today: orchestrator { id }
      p: participants(asOf: "2026-04-01") { partner { id } role from to }
      history: roleHistory { partner { id } role from to } } }`);
    expect(engagement.before).toEqual({ id: 'p1' });
    expect(engagement.on).toEqual({ id: 'p2' });
    expect(engagement.early).toBeNull();
    expect(engagement.today).toEqual({ id: 'p2' });
    expect(engagement.p).toEqual([
      { partner: { id: 'p2' }, role: 'ORCHESTRATOR', from: '2026-04-01', to: null },
      { partner: { id: 'p1' }, role: 'CONTRIBUTOR', from: '2026-04-01', to: null },
    ]);
    expect(engagement.history).toEqual([
      { partner: { id: 'p1' }, role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-04-01' },
      { partner: { id: 'p1' }, role: 'CONTRIBUTOR', from: '2026-04-01', to: null },
      { partner: { id: 'p2' }, role: 'ORCHESTRATOR', from: '2026-04-01', to: null },
    ]);
  });

  it('an interval ends the day before its `to`', async () => {
    const { engagement } = await data(`{ engagement(id: "e3") {
      last: orchestrator(asOf: "2025-12-30") { id } after: orchestrator(asOf: "2025-12-31") { id } } }`);
    expect(engagement).toEqual({ last: { id: 'p3' }, after: null });
  });

  it('asOf must be a real date', async () => {
    // Written into the document, it is the client's input all the same (api/import/import.test.ts has the paths).
    expect(codes(await gql('{ engagement(id: "e1") { orchestrator(asOf: "2026-02-30") { id } } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('query($d: Date) { engagement(id: "e1") { orchestrator(asOf: $d) { id } } }', { d: '2026-13-01' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('customer with its engagements, paged', async () => {
    const { customer } = await data(`{ customer(id: "c1") { id name region { name } industry { name }
      engagements(first: 1) { totalCount pageInfo { hasNextPage } edges { node { id } } } } }`);
    expect(customer).toEqual({
      id: 'c1', name: 'Contoso Bank', region: { name: 'Germany' }, industry: { name: 'Financial services' },
      engagements: { totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { id: 'e1' } }] },
    });
  });

  it('outcome(id), and null for unknown ids of every kind', async () => {
    expect(await data(`{ outcome(id: "o3") { id description status dueDate engagement { id } dependsOn { id status } }
      a: outcome(id: "nope") { id } b: engagement(id: "nope") { id } c: customer(id: "nope") { id } }`)).toEqual({
      outcome: { id: 'o3', description: 'Listed', status: 'MET', dueDate: '2026-04-01', engagement: { id: 'e4' }, dependsOn: [{ id: 'm4', status: 'PENDING' }] },
      a: null, b: null, c: null,
    });
  });
});
