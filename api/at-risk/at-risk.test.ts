/**
 * atRiskOutcomes over HTTP, with answers worked out by hand from the contract's rules
 * (README, At-risk outcomes) on a world built for them. Most questions are asked as of
 * D = 2026-07-01; one part of the world is dated from the real today, for the default.
 *
 *   ea (ACTIVE, c1 in DE): pa ORCHESTRATOR [2026-01-01, 2026-09-01), then CONTRIBUTOR;
 *       pb ORCHESTRATOR from 2026-09-01 (a handover planned after D, before o1's due date);
 *       pc CONTRIBUTOR from 2026-01-01
 *   eb (ACTIVE, c2 in FR): pe ORCHESTRATOR from 2026-04-01; pd CONTRIBUTOR from 2026-01-01
 *   ec (ACTIVE, c1): px ORCHESTRATOR from 2026-01-01 (pc holds no role here: outside its scope)
 *   ed (ACTIVE, c3 in JP): pf ORCHESTRATOR from 2026-01-01
 *
 *   commitments (→ = depends on; due dates only where they matter):
 *     m1 pc FAILED                      m2 pc DELIVERED → m3      m3 pa FAILED
 *     m4 pc IN_PROGRESS 2026-08-01 → m5 m5 pa PENDING 2026-06-15 (overdue on D)
 *     m6 pc DELIVERED → m7              m7 pa PENDING 2026-05-01 (overdue, but behind m6)
 *     m8 pa LATE → mx                   m9 pd FAILED (eb)
 *     mx px FAILED (ec)                 my px PENDING 2026-06-01 (ec, overdue on D)
 *     mt pf PENDING, due yesterday (ed)
 *
 *   outcomes (PENDING unless said otherwise):
 *     o1 ea 2026-10-01 → m1, m2    defective [m1] (m3 hides behind the DELIVERED m2)
 *     o2 ea 2026-08-15 → m4        overdue [m5], through the IN_PROGRESS m4
 *     o3 ea 2026-09-01 → m6, m2    not at risk: both failures are behind DELIVERED ones
 *     o4 ea 2026-07-01 → m8        defective [m8, mx]; due on D
 *     o5 ea 2026-12-01 → mx, my    defective [mx], overdue [my]: all of it in ec
 *     o6 ea MET 2026-11-01 → m1    not a candidate (not PENDING)
 *     o7 ea 2026-06-30 → m1        due before D: not a candidate on D, one before it
 *     o8 eb 2026-09-15 → m9        defective [m9]
 *     ot ed today → mt             overdue [mt] today; oy ed yesterday → mt: never a candidate today
 */
import { describe, expect, it } from 'vitest';
import { createToken } from '../../graph/access/index.ts';
import type { CommitmentInput, EcosystemInput, OutcomeInput } from '../../graph/model/index.ts';
import { codes, useTestApp } from '../../tests/support/api.ts';

const D = '2026-07-01';
/** The server's today (UTC, as the request context takes it) and the day before. */
const TODAY = new Date().toISOString().slice(0, 10);
const YESTERDAY = new Date(Date.parse(TODAY) - 86_400_000).toISOString().slice(0, 10);

const m = (id: string, owner: string, status: CommitmentInput['status'], dependsOn: string[] = [], dueDate: string | null = null): CommitmentInput =>
  ({ id, owner, description: `commitment ${id}`, status, dependsOn, dueDate });
const o = (id: string, dueDate: string, dependsOn: string[], status: OutcomeInput['status'] = 'PENDING'): OutcomeInput =>
  ({ id, description: `outcome ${id}`, status, dueDate, dependsOn });

function world(): EcosystemInput {
  return {
    regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }, { code: 'JP', name: 'Japan' }],
    industries: [{ code: 'FSI', name: 'Financial services' }],
    partners: ['pa', 'pb', 'pc', 'pd', 'pe', 'pf', 'px'].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
    customers: [
      { id: 'c1', name: 'Bank', region: 'DE', industry: 'FSI' },
      { id: 'c2', name: 'Insurer', region: 'FR', industry: 'FSI' },
      { id: 'c3', name: 'Broker', region: 'JP', industry: 'FSI' },
    ],
    engagements: [
      {
        id: 'ea', name: 'A', customer: 'c1', status: 'ACTIVE',
        participants: [
          { partner: 'pa', role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-09-01' },
          { partner: 'pa', role: 'CONTRIBUTOR', from: '2026-09-01' },
          { partner: 'pb', role: 'ORCHESTRATOR', from: '2026-09-01' },
          { partner: 'pc', role: 'CONTRIBUTOR', from: '2026-01-01' },
        ],
        commitments: [
          m('m1', 'pc', 'FAILED'), m('m2', 'pc', 'DELIVERED', ['m3']), m('m3', 'pa', 'FAILED'),
          m('m4', 'pc', 'IN_PROGRESS', ['m5'], '2026-08-01'), m('m5', 'pa', 'PENDING', [], '2026-06-15'),
          m('m6', 'pc', 'DELIVERED', ['m7'], '2026-05-01'), m('m7', 'pa', 'PENDING', [], '2026-05-01'),
          m('m8', 'pa', 'LATE', ['mx']),
        ],
        outcomes: [
          o('o1', '2026-10-01', ['m1', 'm2']), o('o2', '2026-08-15', ['m4']), o('o3', '2026-09-01', ['m6', 'm2']),
          o('o4', '2026-07-01', ['m8']), o('o5', '2026-12-01', ['mx', 'my']), o('o6', '2026-11-01', ['m1'], 'MET'),
          o('o7', '2026-06-30', ['m1']),
        ],
      },
      {
        id: 'eb', name: 'B', customer: 'c2', status: 'ACTIVE',
        participants: [
          { partner: 'pe', role: 'ORCHESTRATOR', from: '2026-04-01' },
          { partner: 'pd', role: 'CONTRIBUTOR', from: '2026-01-01' },
        ],
        commitments: [m('m9', 'pd', 'FAILED')],
        outcomes: [o('o8', '2026-09-15', ['m9'])],
      },
      {
        id: 'ec', name: 'C', customer: 'c1', status: 'ACTIVE',
        participants: [{ partner: 'px', role: 'ORCHESTRATOR', from: '2026-01-01' }],
        commitments: [m('mx', 'px', 'FAILED'), m('my', 'px', 'PENDING', [], '2026-06-01')],
      },
      {
        id: 'ed', name: 'D', customer: 'c3', status: 'ACTIVE',
        participants: [{ partner: 'pf', role: 'ORCHESTRATOR', from: '2026-01-01' }],
        commitments: [m('mt', 'pf', 'PENDING', [], YESTERDAY)],
        outcomes: [o('ot', TODAY, ['mt']), o('oy', YESTERDAY, ['mt'])],
      },
    ],
  };
}

const AT_RISK = `query($asOf: Date, $f: OutcomeFilter, $first: Int, $after: String) {
  atRiskOutcomes(asOf: $asOf, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      outcome { id status dueDate engagement { id } }
      daysToDue reasons
      orchestratorNow { id } orchestratorOnDueDate { id }
      defective { id status owner { id } engagement { id } }
      overdue { id status dueDate owner { id } }
    } } } }`;

const t = useTestApp(world);
const { gql } = t;

interface Listed { id: string; days: number; reasons: string[]; now: string | null; due: string | null; defective: string[]; overdue: string[] }
interface Answer { totalCount: number; hasNextPage: boolean; endCursor: string | null; rows: Listed[] }

async function atRisk(variables: Record<string, unknown>, token?: string | null): Promise<Answer> {
  const res = await gql<{ atRiskOutcomes: any }>(AT_RISK, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const list = res.data!.atRiskOutcomes;
  return {
    totalCount: list.totalCount,
    hasNextPage: list.pageInfo.hasNextPage,
    endCursor: list.pageInfo.endCursor,
    rows: list.edges.map(({ node: n }: any): Listed => ({
      id: n.outcome.id, days: n.daysToDue, reasons: n.reasons,
      now: n.orchestratorNow?.id ?? null, due: n.orchestratorOnDueDate?.id ?? null,
      defective: n.defective.map((c: any) => c.id), overdue: n.overdue.map((c: any) => c.id),
    })),
  };
}

const ids = async (variables: Record<string, unknown>, token?: string) => (await atRisk(variables, token)).rows.map((r) => r.id);
const partnerToken = async (partnerId: string) => (await createToken(t.graph, 'PARTNER', partnerId, null)).secret;

const DEF = 'DEFECTIVE_DEPENDENCY';
const OVER = 'OVERDUE_DEPENDENCY';

describe('atRiskOutcomes: the rules, as of 2026-07-01', () => {
  it('lists exactly the at-risk candidates, dueDate ascending, then id, each with its reasons, lists and orchestrators', async () => {
    expect(await atRisk({ asOf: D })).toEqual({
      totalCount: 5, hasNextPage: false, endCursor: expect.any(String),
      rows: [
        // Due on asOf: still a candidate, 0 days to go. The failure continues into ec (mx).
        { id: 'o4', days: 0, reasons: [DEF], now: 'pa', due: 'pa', defective: ['m8', 'mx'], overdue: [] },
        // m5 is overdue behind the IN_PROGRESS m4 (itself not yet due).
        { id: 'o2', days: 45, reasons: [OVER], now: 'pa', due: 'pa', defective: [], overdue: ['m5'] },
        { id: 'o8', days: 76, reasons: [DEF], now: 'pe', due: 'pe', defective: ['m9'], overdue: [] },
        // The handover to pb on 2026-09-01 is stored before the due date: pa now, pb then.
        // m3 FAILED is behind the DELIVERED m2: not part of this outcome's risk.
        { id: 'o1', days: 92, reasons: [DEF], now: 'pa', due: 'pb', defective: ['m1'], overdue: [] },
        // Both reasons, in enum order.
        { id: 'o5', days: 153, reasons: [DEF, OVER], now: 'pa', due: 'pb', defective: ['mx'], overdue: ['my'] },
      ],
    });
  });

  it('a failure or an overdue commitment behind a DELIVERED one puts nothing at risk (o3); MET and past-due outcomes are no candidates', async () => {
    const listed = await ids({ asOf: D, first: 100 });
    expect(listed).not.toContain('o3'); // m2 → m3 FAILED and m6 → m7 overdue, both behind DELIVERED
    expect(listed).not.toContain('o6'); // MET
    expect(listed).not.toContain('o7'); // PENDING, but due 2026-06-30 < asOf
  });

  it('the listed commitments are the API\'s Commitment, with their owners and engagements', async () => {
    const res = await gql<{ atRiskOutcomes: any }>(AT_RISK, { asOf: D, first: 5 });
    const nodes = res.data!.atRiskOutcomes.edges.map((e: any) => e.node);
    expect(nodes[0].outcome).toEqual({ id: 'o4', status: 'PENDING', dueDate: '2026-07-01', engagement: { id: 'ea' } });
    expect(nodes[0].defective).toEqual([
      { id: 'm8', status: 'LATE', owner: { id: 'pa' }, engagement: { id: 'ea' } },
      { id: 'mx', status: 'FAILED', owner: { id: 'px' }, engagement: { id: 'ec' } },
    ]);
    expect(nodes[1].overdue).toEqual([{ id: 'm5', status: 'PENDING', dueDate: '2026-06-15', owner: { id: 'pa' } }]);
  });

  it('asOf in the past: earlier candidates, nothing overdue yet, the orchestrators of that day', async () => {
    expect((await atRisk({ asOf: '2026-03-01' })).rows).toEqual([
      { id: 'o7', days: 121, reasons: [DEF], now: 'pa', due: 'pa', defective: ['m1'], overdue: [] },
      { id: 'o4', days: 122, reasons: [DEF], now: 'pa', due: 'pa', defective: ['m8', 'mx'], overdue: [] },
      // pe's interval starts on 2026-04-01: nobody orchestrates eb on asOf.
      { id: 'o8', days: 198, reasons: [DEF], now: null, due: 'pe', defective: ['m9'], overdue: [] },
      { id: 'o1', days: 214, reasons: [DEF], now: 'pa', due: 'pb', defective: ['m1'], overdue: [] },
      // my (due 2026-06-01) is not overdue yet, o2's m5 neither: o2 is not listed.
      { id: 'o5', days: 275, reasons: [DEF], now: 'pa', due: 'pb', defective: ['mx'], overdue: [] },
    ]);
  });

  it('asOf after the handover: pb orchestrates now and on the due date', async () => {
    const rows = (await atRisk({ asOf: '2026-09-10' })).rows;
    expect(rows.map((r) => [r.id, r.now, r.due])).toEqual([['o8', 'pe', 'pe'], ['o1', 'pb', 'pb'], ['o5', 'pb', 'pb']]);
  });
});

describe('atRiskOutcomes: today by default', () => {
  it('an outcome due today is a candidate with 0 days to go; one due yesterday is not', async () => {
    const f = { regions: ['JP'] };
    const expected = {
      totalCount: 1, hasNextPage: false, endCursor: expect.any(String),
      rows: [{ id: 'ot', days: 0, reasons: [OVER], now: 'pf', due: 'pf', defective: [], overdue: ['mt'] }],
    };
    expect(await atRisk({ f })).toEqual(expected);
    expect(await atRisk({ f, asOf: TODAY })).toEqual(expected);
  });
});

describe('atRiskOutcomes: filter', () => {
  it('partnerId matches the orchestrator on asOf, on the due date, or the owner of a listed commitment', async () => {
    expect(await ids({ asOf: D, f: { partnerId: 'pb' } })).toEqual(['o1', 'o5']);             // orchestrator on the due date only
    expect(await ids({ asOf: D, f: { partnerId: 'pa' } })).toEqual(['o4', 'o2', 'o1', 'o5']); // orchestrator on asOf
    expect(await ids({ asOf: D, f: { partnerId: 'pc' } })).toEqual(['o1']);                   // owns m1; m4 is on o2's path but not listed
    expect(await ids({ asOf: D, f: { partnerId: 'pd' } })).toEqual(['o8']);                   // owns m9, no orchestrator
    expect(await ids({ asOf: D, f: { partnerId: 'px' } })).toEqual(['o4', 'o5']);             // owns mx, my in another engagement
    expect(await ids({ asOf: D, f: { partnerId: 'pf' } })).toEqual([]);
  });

  it('since, until, regions and industries, with partnerId', async () => {
    expect(await ids({ asOf: D, f: { since: '2026-09-01', until: '2026-12-01' } })).toEqual(['o8', 'o1']);
    expect(await ids({ asOf: D, f: { regions: ['FR'] } })).toEqual(['o8']);
    expect(await ids({ asOf: D, f: { regions: ['DE'], partnerId: 'pb' } })).toEqual(['o1', 'o5']);
    expect(await ids({ asOf: D, f: { industries: ['FSI'], until: '2026-08-16' } })).toEqual(['o4', 'o2']);
    expect(await ids({ asOf: D, f: { industries: [] } })).toEqual([]);
  });
});

describe('atRiskOutcomes: pages', () => {
  it('pages with cursors and the whole totalCount on every page', async () => {
    const page1 = await atRisk({ asOf: D, first: 2 });
    expect(page1).toMatchObject({ totalCount: 5, hasNextPage: true });
    expect(page1.rows.map((r) => r.id)).toEqual(['o4', 'o2']);
    const page2 = await atRisk({ asOf: D, first: 2, after: page1.endCursor });
    expect(page2).toMatchObject({ totalCount: 5, hasNextPage: true });
    expect(page2.rows.map((r) => r.id)).toEqual(['o8', 'o1']);
    const page3 = await atRisk({ asOf: D, first: 2, after: page2.endCursor });
    expect(page3).toMatchObject({ totalCount: 5, hasNextPage: false });
    expect(page3.rows.map((r) => r.id)).toEqual(['o5']);
    const after = await atRisk({ asOf: D, first: 2, after: page3.endCursor });
    expect(after).toEqual({ totalCount: 5, hasNextPage: false, endCursor: null, rows: [] });
  });

  it('pages within one partner', async () => {
    const page1 = await atRisk({ asOf: D, f: { partnerId: 'pa' }, first: 3 });
    expect(page1).toMatchObject({ totalCount: 4, hasNextPage: true });
    const page2 = await atRisk({ asOf: D, f: { partnerId: 'pa' }, first: 3, after: page1.endCursor });
    expect(page2.rows.map((r) => r.id)).toEqual(['o5']);
  });

  it('first over 100, a negative first and a cursor that is not ours are BAD_USER_INPUT', async () => {
    expect(codes(await gql(AT_RISK, { asOf: D, first: 101 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(AT_RISK, { asOf: D, first: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(AT_RISK, { asOf: D, after: 'bm90IG91cnM' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('atRiskOutcomes: access', () => {
  it('a PARTNER token: outcomes of its engagements; commitments outside its scope left out, the reasons kept', async () => {
    const pc = await partnerToken('pc'); // ea only
    expect(await atRisk({ asOf: D }, pc)).toEqual({
      totalCount: 4, hasNextPage: false, endCursor: expect.any(String),
      rows: [
        { id: 'o4', days: 0, reasons: [DEF], now: 'pa', due: 'pa', defective: ['m8'], overdue: [] },             // mx is in ec
        { id: 'o2', days: 45, reasons: [OVER], now: 'pa', due: 'pa', defective: [], overdue: ['m5'] },
        { id: 'o1', days: 92, reasons: [DEF], now: 'pa', due: 'pb', defective: ['m1'], overdue: [] },
        { id: 'o5', days: 153, reasons: [DEF, OVER], now: 'pa', due: 'pb', defective: [], overdue: [] },          // all of it in ec
      ],
    });
    // px owns only what pc cannot see: matching it would tell pc who is behind o4 and o5.
    expect(await ids({ asOf: D, f: { partnerId: 'px' } }, pc)).toEqual([]);
  });

  it('an outcome outside the scope is indistinguishable from none', async () => {
    const pc = await partnerToken('pc');
    const outside = await gql(AT_RISK, { asOf: D, f: { regions: ['FR'] } }, pc);   // o8 is at risk, in eb
    const none = await gql(AT_RISK, { asOf: D, f: { regions: ['XX'] } }, pc);      // nothing there at all
    expect(outside).toEqual(none);
    expect((outside.data as any).atRiskOutcomes).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    const pe = await partnerToken('pe'); // eb only
    expect(await ids({ asOf: D }, pe)).toEqual(['o8']);
  });

  it('ADMIN and ANALYST see everything', async () => {
    const analyst = (await createToken(t.graph, 'ANALYST', null, null)).secret;
    expect(await atRisk({ asOf: D }, analyst)).toEqual(await atRisk({ asOf: D }));
  });

  it('without a token UNAUTHENTICATED; another partner\'s trackRecord through an orchestrator FORBIDDEN', async () => {
    expect(codes(await gql(AT_RISK, { asOf: D }, null))).toEqual(['UNAUTHENTICATED']);
    const pc = await partnerToken('pc');
    const res = await gql(`query { atRiskOutcomes(asOf: "${D}", first: 1) { edges { node { orchestratorNow { id trackRecord { rootCauses } } } } } }`, {}, pc);
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('a bad asOf is BAD_USER_INPUT, as a variable and written in the document', async () => {
    expect(codes(await gql(AT_RISK, { asOf: '2026-02-30' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(AT_RISK, { asOf: 'yesterday' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('{ atRiskOutcomes(asOf: "2026-13-01") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('{ atRiskOutcomes(asOf: 20260701) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('atRiskOutcomes: database round trips', () => {
  it('one statement for the page, whatever the number of outcomes; the nested objects batched', async () => {
    const count = async (first: number) => {
      const before = t.graph.roundTrips;
      const res = await gql(AT_RISK, { asOf: D, first });
      expect(res.errors).toBeUndefined();
      return t.graph.roundTrips - before;
    };
    // Sizes asked nowhere else, so the answer cache cannot answer them.
    const one = await count(1);
    const four = await count(4);
    expect(four).toBe(one);
    // the graph version (answer cache), the page, partners, engagements
    expect(four).toBeLessThanOrEqual(4);
  });
});
