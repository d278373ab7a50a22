/**
 * Accountability, missedOutcomes and trackRecord over HTTP, with answers worked out by
 * hand from the contract's rules on a world built for them:
 *
 *   ea (ACTIVE, c1 in DE): pa ORCHESTRATOR [2026-01-01, 2026-06-30), then CONTRIBUTOR;
 *       pb ORCHESTRATOR from 2026-06-30 (handover on o1's due date);
 *       pc CONTRIBUTOR from 2026-01-01; pd CONTRIBUTOR [2026-02-01, 2026-05-01)
 *   eb (COMPLETED, c1): px ORCHESTRATOR, pd CONTRIBUTOR, both [2025-01-01, 2025-12-31)
 *   ec (ACTIVE, c2 in FR): pe ORCHESTRATOR from 2026-01-01
 *
 *   commitments (→ = depends on):
 *     m1 pc FAILED → m2, m3     m2 pa LATE → m4      m3 pd FAILED → mx (in eb)
 *     m4 pc DELIVERED → m5      m5 pa FAILED          m6 pb LATE
 *     m7 pc LATE → m9           m8 pa LATE → m9, m10  m9 pd FAILED   m10 pd FAILED
 *     mx px FAILED (eb; px holds no role in ea)
 *     ma pe LATE → mb  mb pe FAILED → mc  mc pe FAILED  mz pe LATE → mc      (all ec)
 *
 *   outcomes: o1 ea MISSED 2026-06-30 → m1, m6     o2 ea PARTIALLY_MET 2026-03-01 → m4
 *             o3 ea PENDING 2026-09-01 → m6        o4 ea MET 2026-02-15 → m1
 *             o5 ea MISSED 2025-12-01 (no orchestrator yet, no dependency)
 *             o6 ea MISSED 2026-04-01 → m8, m7     o7 ec MISSED 2026-08-01 → ma, mz
 */
import { describe, expect, it } from 'vitest';
import { createToken } from '../../graph/access/index.ts';
import type { CommitmentInput, EcosystemInput } from '../../graph/model/index.ts';
import { codes, useTestApp } from '../../tests/support/api.ts';

const m = (id: string, owner: string, status: CommitmentInput['status'], dependsOn: string[] = []): CommitmentInput =>
  ({ id, owner, description: `commitment ${id}`, status, dependsOn });

function world(): EcosystemInput {
  return {
    regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }],
    industries: [{ code: 'FSI', name: 'Financial services' }],
    partners: ['pa', 'pb', 'pc', 'pd', 'pe', 'px'].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
    customers: [{ id: 'c1', name: 'Bank', region: 'DE', industry: 'FSI' }, { id: 'c2', name: 'Insurer', region: 'FR', industry: 'FSI' }],
    engagements: [
      {
        id: 'ea', name: 'A', customer: 'c1', status: 'ACTIVE',
        participants: [
          { partner: 'pa', role: 'ORCHESTRATOR', from: '2026-01-01', to: '2026-06-30' },
          { partner: 'pa', role: 'CONTRIBUTOR', from: '2026-06-30' },
          { partner: 'pb', role: 'ORCHESTRATOR', from: '2026-06-30' },
          { partner: 'pc', role: 'CONTRIBUTOR', from: '2026-01-01' },
          { partner: 'pd', role: 'CONTRIBUTOR', from: '2026-02-01', to: '2026-05-01' },
        ],
        commitments: [
          m('m1', 'pc', 'FAILED', ['m2', 'm3']), m('m2', 'pa', 'LATE', ['m4']), m('m3', 'pd', 'FAILED', ['mx']),
          m('m4', 'pc', 'DELIVERED', ['m5']), m('m5', 'pa', 'FAILED'), m('m6', 'pb', 'LATE'),
          m('m7', 'pc', 'LATE', ['m9']), m('m8', 'pa', 'LATE', ['m9', 'm10']), m('m9', 'pd', 'FAILED'), m('m10', 'pd', 'FAILED'),
        ],
        outcomes: [
          { id: 'o1', description: 'one', status: 'MISSED', dueDate: '2026-06-30', dependsOn: ['m1', 'm6'] },
          { id: 'o2', description: 'two', status: 'PARTIALLY_MET', dueDate: '2026-03-01', dependsOn: ['m4'] },
          { id: 'o3', description: 'three', status: 'PENDING', dueDate: '2026-09-01', dependsOn: ['m6'] },
          { id: 'o4', description: 'four', status: 'MET', dueDate: '2026-02-15', dependsOn: ['m1'] },
          { id: 'o5', description: 'five', status: 'MISSED', dueDate: '2025-12-01' },
          { id: 'o6', description: 'six', status: 'MISSED', dueDate: '2026-04-01', dependsOn: ['m8', 'm7'] },
        ],
      },
      {
        id: 'eb', name: 'B', customer: 'c1', status: 'COMPLETED',
        participants: [
          { partner: 'px', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-12-31' },
          { partner: 'pd', role: 'CONTRIBUTOR', from: '2025-01-01', to: '2025-12-31' },
        ],
        commitments: [m('mx', 'px', 'FAILED')],
      },
      {
        id: 'ec', name: 'C', customer: 'c2', status: 'ACTIVE',
        participants: [{ partner: 'pe', role: 'ORCHESTRATOR', from: '2026-01-01' }],
        commitments: [m('ma', 'pe', 'LATE', ['mb']), m('mb', 'pe', 'FAILED', ['mc']), m('mc', 'pe', 'FAILED'), m('mz', 'pe', 'LATE', ['mc'])],
        outcomes: [{ id: 'o7', description: 'seven', status: 'MISSED', dueDate: '2026-08-01', dependsOn: ['ma', 'mz'] }],
      },
    ],
  };
}

const ACCOUNTABILITY = `query($id: ID!) { accountability(outcomeId: $id) {
  outcome { id status }
  accountable { id }
  rootCauses { commitment { id owner { id } engagement { id } } path { id } }
  propagated { id }
  responsible { partner { id } share rootCauses role } } }`;

const t = useTestApp(world);
const { gql } = t;

async function accountabilityOf(id: string, token?: string) {
  const res = await gql<{ accountability: any }>(ACCOUNTABILITY, { id }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const a = res.data!.accountability;
  return {
    accountable: a.accountable?.id ?? null,
    rootCauses: a.rootCauses.map((r: any) => ({ id: r.commitment.id, path: r.path.map((c: any) => c.id) })),
    propagated: a.propagated.map((c: any) => c.id),
    responsible: a.responsible.map((r: any) => [r.partner.id, r.share, r.rootCauses, r.role]),
  };
}

describe('accountability', () => {
  it('handover on the due date, a failure absorbed by a delivered commitment, a root cause in another engagement owned by a partner with no role', async () => {
    expect(await accountabilityOf('o1')).toEqual({
      accountable: 'pb', // its interval starts on the due date; pa's ends on it
      rootCauses: [
        { id: 'm2', path: ['m1', 'm2'] },          // m4 is DELIVERED: m5 below it is not part of the failure
        { id: 'm6', path: ['m6'] },
        { id: 'mx', path: ['m1', 'm3', 'mx'] },    // in eb
      ],
      propagated: ['m1', 'm3'],
      responsible: [                                 // equal shares: by partner id
        ['pa', 1 / 3, 1, 'CONTRIBUTOR'],             // pa became CONTRIBUTOR on the due date
        ['pb', 1 / 3, 1, 'ORCHESTRATOR'],
        ['px', 1 / 3, 1, null],                      // no role in ea on the due date
      ],
    });
  });

  it('a PARTIALLY_MET outcome with no root cause: the accountable orchestrator alone, share 1', async () => {
    expect(await accountabilityOf('o2')).toEqual({
      accountable: 'pa', rootCauses: [], propagated: [], responsible: [['pa', 1, 0, 'ORCHESTRATOR']],
    });
  });

  it('PENDING and MET outcomes name their root causes but nobody responsible', async () => {
    expect(await accountabilityOf('o3')).toEqual({ accountable: 'pb', rootCauses: [{ id: 'm6', path: ['m6'] }], propagated: [], responsible: [] });
    const met = await accountabilityOf('o4');
    expect(met.responsible).toEqual([]);
    expect(met.accountable).toBe('pa');
    expect(met.rootCauses.map((r: { id: string }) => r.id)).toEqual(['m2', 'mx']);
  });

  it('a missed outcome due before any orchestrator and with no root cause: nobody', async () => {
    expect(await accountabilityOf('o5')).toEqual({ accountable: null, rootCauses: [], propagated: [], responsible: [] });
  });

  it('ties between equally short paths go to the smallest ids; shares count root causes per owner', async () => {
    expect(await accountabilityOf('o6')).toEqual({
      accountable: 'pa',
      rootCauses: [{ id: 'm10', path: ['m8', 'm10'] }, { id: 'm9', path: ['m7', 'm9'] }], // [m7, m9] < [m8, m9]
      propagated: ['m7', 'm8'],
      responsible: [['pd', 1, 2, 'CONTRIBUTOR']],
    });
  });

  it('the shortest path wins over a lexicographically smaller longer one', async () => {
    expect(await accountabilityOf('o7')).toEqual({
      accountable: 'pe',
      rootCauses: [{ id: 'mc', path: ['mz', 'mc'] }], // not [ma, mb, mc]
      propagated: ['ma', 'mb', 'mz'],
      responsible: [['pe', 1, 1, 'ORCHESTRATOR']],
    });
  });

  it('an unknown outcome is NOT_FOUND', async () => {
    expect(codes(await gql(ACCOUNTABILITY, { id: 'nope' }))).toEqual(['NOT_FOUND']);
  });

  it('a PARTNER token: in-scope outcomes only; commitments it cannot see are not listed, the answer is unchanged', async () => {
    const pc = (await createToken(t.graph, 'PARTNER', 'pc', null)).secret;
    expect(await accountabilityOf('o1', pc)).toEqual({
      accountable: 'pb',
      rootCauses: [{ id: 'm2', path: ['m1', 'm2'] }, { id: 'm6', path: ['m6'] }], // mx is in eb, outside pc's scope
      propagated: ['m1', 'm3'],
      responsible: [['pa', 1 / 3, 1, 'CONTRIBUTOR'], ['pb', 1 / 3, 1, 'ORCHESTRATOR'], ['px', 1 / 3, 1, null]],
    });
    const missing = await gql(ACCOUNTABILITY, { id: 'o7' }, pc);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(codes(missing)).toEqual(codes(await gql(ACCOUNTABILITY, { id: 'nope' }, pc)));
  });
});

describe('missedOutcomes', () => {
  const MISSED = `query($f: OutcomeFilter, $first: Int, $after: String) { missedOutcomes(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
  const ids = async (f: Record<string, unknown>, token?: string) => {
    const res = await gql<{ missedOutcomes: any }>(MISSED, { f }, token);
    expect(res.errors).toBeUndefined();
    const list = res.data!.missedOutcomes;
    expect(list.totalCount).toBe(list.edges.length);
    return list.edges.map((e: any) => e.node.id);
  };

  it('MISSED and PARTIALLY_MET, dueDate descending, then id', async () => {
    expect(await ids({})).toEqual(['o7', 'o1', 'o6', 'o2', 'o5']);
  });

  it('filters: time window, partner (accountable or root-cause owner), region', async () => {
    expect(await ids({ since: '2026-03-01', until: '2026-06-30' })).toEqual(['o6', 'o2']);
    expect(await ids({ partnerId: 'pa' })).toEqual(['o1', 'o6', 'o2']);  // root cause m2 of o1; accountable for o6, o2
    expect(await ids({ partnerId: 'px' })).toEqual(['o1']);              // owns mx, no role in ea
    expect(await ids({ partnerId: 'pd' })).toEqual(['o6']);              // m3 is propagated in o1, not a root cause
    expect(await ids({ regions: ['FR'] })).toEqual(['o7']);
    expect(await ids({ regions: ['DE'], partnerId: 'pb' })).toEqual(['o1']);
  });

  it('pages with cursors', async () => {
    const first = await gql<{ missedOutcomes: any }>(MISSED, { first: 2 });
    const page1 = first.data!.missedOutcomes;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual(['o7', 'o1']);
    expect(page1.totalCount).toBe(5);
    const second = await gql<{ missedOutcomes: any }>(MISSED, { first: 2, after: page1.pageInfo.endCursor });
    expect(second.data!.missedOutcomes.edges.map((e: any) => e.node.id)).toEqual(['o6', 'o2']);
  });

  it('pages with cursors within one partner (a statement of its own, found from the partner)', async () => {
    const f = { partnerId: 'pa' };
    const first = await gql<{ missedOutcomes: any }>(MISSED, { f, first: 2 });
    const page1 = first.data!.missedOutcomes;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual(['o1', 'o6']);
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await gql<{ missedOutcomes: any }>(MISSED, { f, first: 2, after: page1.pageInfo.endCursor });
    expect(second.data!.missedOutcomes).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(second.data!.missedOutcomes.edges.map((e: any) => e.node.id)).toEqual(['o2']);
    const pe = (await createToken(t.graph, 'PARTNER', 'pe', null)).secret;
    expect(await ids({ partnerId: 'pa' }, pe)).toEqual([]);  // pe's scope holds o7 only, which pa has no part in
  });

  it('a PARTNER token sees the missed outcomes of its engagements only', async () => {
    const pe = (await createToken(t.graph, 'PARTNER', 'pe', null)).secret;
    expect(await ids({}, pe)).toEqual(['o7']);
  });
});

describe('trackRecord', () => {
  const RECORD = `query($id: ID!) { partner(id: $id) { trackRecord {
    asOrchestrator { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }
    asContributor { engagements outcomesMet outcomesMissed commitmentsDelivered commitmentsDefective }
    rootCauses accountableMisses } } }`;
  const record = async (id: string, token?: string) => (await gql<{ partner: any }>(RECORD, { id }, token)).data?.partner?.trackRecord;
  const none = { engagements: 0, outcomesMet: 0, outcomesMissed: 0, commitmentsDelivered: 0, commitmentsDefective: 0 };

  it('a partner that held both roles in one engagement counts it under each role', async () => {
    const ea = { engagements: 1, outcomesMet: 1, outcomesMissed: 4, commitmentsDelivered: 0, commitmentsDefective: 3 };
    expect(await record('pa')).toEqual({ asOrchestrator: ea, asContributor: ea, rootCauses: 1, accountableMisses: 2 });
  });

  it('root causes are distinct commitments of missed outcomes; accountable misses count the due-date orchestrator', async () => {
    expect(await record('pb')).toEqual({
      asOrchestrator: { engagements: 1, outcomesMet: 1, outcomesMissed: 4, commitmentsDelivered: 0, commitmentsDefective: 1 },
      asContributor: none, rootCauses: 1, accountableMisses: 1,
    });
    expect(await record('px')).toEqual({
      asOrchestrator: { ...none, engagements: 1, commitmentsDefective: 1 }, asContributor: none, rootCauses: 1, accountableMisses: 0,
    });
    expect(await record('pd')).toEqual({
      asOrchestrator: none,
      asContributor: { engagements: 2, outcomesMet: 1, outcomesMissed: 4, commitmentsDelivered: 0, commitmentsDefective: 3 },
      rootCauses: 2, accountableMisses: 0, // m9, m10 (o6); m3 only propagates
    });
    expect(await record('pc')).toEqual({
      asOrchestrator: none,
      asContributor: { engagements: 1, outcomesMet: 1, outcomesMissed: 4, commitmentsDelivered: 1, commitmentsDefective: 2 },
      rootCauses: 0, accountableMisses: 0,
    });
  });

  it('visible to the partner itself; FORBIDDEN for another partner\'s token', async () => {
    const pb = (await createToken(t.graph, 'PARTNER', 'pb', null)).secret;
    expect((await record('pb', pb)).accountableMisses).toBe(1);
    expect(codes(await gql(RECORD, { id: 'pa' }, pb))).toEqual(['FORBIDDEN']);
  });
});
