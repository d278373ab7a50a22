/**
 * The contract's writes over real HTTP, on the fixture of tests/support/fixture.ts
 * (imported again before every test): importEcosystem, assignRole, endParticipation,
 * setCommitmentStatus, setOutcomeStatus, createApiToken and revokeApiToken, with the
 * roles that may and may not call them. "Nothing changes" is checked on a snapshot of
 * the whole graph.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput, EngagementInput } from '../../graph/model/index.ts';
import { ADMIN, codes, useTestApp, type GqlResponse } from '../../tests/support/api.ts';
import { fixture } from '../../tests/support/fixture.ts';
import { snapshot, wipe } from '../../tests/support/graph.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';

const testApp = useTestApp();
const gql = testApp.gql;
let graph: Graph;
let tokens: TestTokens;
beforeAll(() => { graph = testApp.graph; });
beforeEach(async () => {
  await wipe(graph);
  await importEcosystem(graph, fixture(), 120_000); // setup, not under test: no 10 s budget on a busy machine
  tokens = await makeTokens(graph);
});

// ---------------------------------------------------------------------------------
// Operations and helpers

const IMPORT = `mutation Import($input: EcosystemInput!) {
  importEcosystem(input: $input) { regions industries capabilities partners customers engagements contributions commitments outcomes }
}`;
const INTERVAL = 'partner { id } role from to';
const ASSIGN = `mutation Assign($engagementId: ID!, $partnerId: ID!, $role: EngagementRole!, $from: Date!) {
  assignRole(engagementId: $engagementId, partnerId: $partnerId, role: $role, from: $from) { id roleHistory { ${INTERVAL} } }
}`;
const END = `mutation End($engagementId: ID!, $partnerId: ID!, $to: Date!) {
  endParticipation(engagementId: $engagementId, partnerId: $partnerId, to: $to) { id roleHistory { ${INTERVAL} } }
}`;
const HISTORY = `query History($id: ID!) { engagement(id: $id) { roleHistory { ${INTERVAL} } } }`;
const ON = `query On($id: ID!, $asOf: Date!) {
  engagement(id: $id) { orchestrator(asOf: $asOf) { id } participants(asOf: $asOf) { ${INTERVAL} } }
}`;
const SET_COMMITMENT = `mutation SetCommitment($id: ID!, $status: CommitmentStatus!) {
  setCommitmentStatus(id: $id, status: $status) { id status owner { id } engagement { id } }
}`;
const SET_OUTCOME = `mutation SetOutcome($id: ID!, $status: OutcomeStatus!) {
  setOutcomeStatus(id: $id, status: $status) { id status engagement { id } }
}`;
const CREATE_TOKEN = `mutation CreateToken($role: AccessRole!, $partnerId: ID, $label: String) {
  createApiToken(role: $role, partnerId: $partnerId, label: $label) { id role partnerId label secret }
}`;
const REVOKE_TOKEN = 'mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) }';
const VIEWER = '{ viewer { role partner { id name } } }';

interface Interval { partner: { id: string }; role: 'ORCHESTRATOR' | 'CONTRIBUTOR'; from: string; to: string | null }
type History = { engagement: { roleHistory: Interval[] } };
type Assigned = { assignRole: { id: string; roleHistory: Interval[] } };
type Ended = { endParticipation: { id: string; roleHistory: Interval[] } };

function iv(partner: string, role: Interval['role'], from: string, to: string | null = null): Interval {
  return { partner: { id: partner }, role, from, to };
}

/** e1 of the fixture: p1 ORCHESTRATOR until the handover on 2026-04-01, then CONTRIBUTOR; p2 ORCHESTRATOR since. */
const E1_HISTORY = [
  iv('p1', 'ORCHESTRATOR', '2026-01-01', '2026-04-01'),
  iv('p1', 'CONTRIBUTOR', '2026-04-01'),
  iv('p2', 'ORCHESTRATOR', '2026-04-01'),
];

async function history(engagementId: string): Promise<Interval[]> {
  const res = await gql<History>(HISTORY, { id: engagementId });
  expect(res.errors).toBeUndefined();
  return res.data!.engagement.roleHistory;
}

async function inForce(engagementId: string, asOf: string): Promise<{ orchestrator: string | null; participants: Interval[] }> {
  const res = await gql<{ engagement: { orchestrator: { id: string } | null; participants: Interval[] } }>(ON, { id: engagementId, asOf });
  expect(res.errors).toBeUndefined();
  const { orchestrator, participants } = res.data!.engagement;
  // The contract does not order participants; compare them by role, then partner.
  const sorted = [...participants].sort((a, b) => a.role.localeCompare(b.role) || a.partner.id.localeCompare(b.partner.id));
  return { orchestrator: orchestrator?.id ?? null, participants: sorted };
}

/** The only error of `res`, which must carry `code`; no data. */
function onlyError(res: GqlResponse<unknown>, code: string) {
  expect(codes(res), JSON.stringify(res.errors)).toEqual([code]);
  expect(res.data ?? null).toBeNull();
  return res.errors![0]!;
}

/** Runs `act` and checks that the graph is exactly as before. */
async function unchanged<T>(act: () => Promise<T>): Promise<T> {
  const before = await snapshot(graph);
  const result = await act();
  expect(await snapshot(graph)).toEqual(before);
  return result;
}

async function commitmentStatus(id: string): Promise<string | null> {
  const [row] = await graph.read<{ status: string }>('MATCH (m:Commitment {id: $id}) RETURN m.status AS status', { id });
  return row?.status ?? null;
}

async function outcomeStatus(id: string): Promise<string | null> {
  const [row] = await graph.read<{ status: string }>('MATCH (o:Outcome {id: $id}) RETURN o.status AS status', { id });
  return row?.status ?? null;
}

/** An error response with the caller's id written as <id>, to compare "missing" with "out of scope". */
function normalised(res: GqlResponse<unknown>, id: string) {
  return { status: res.status, data: res.data ?? null, errors: JSON.parse(JSON.stringify(res.errors ?? []).replaceAll(id, '<id>')) };
}

function engagementOf(input: EcosystemInput, id: string): EngagementInput {
  return input.engagements!.find((e) => e.id === id)!;
}

// ---------------------------------------------------------------------------------

describe('importEcosystem', () => {
  const COUNTS = {
    regions: 3, industries: 2, capabilities: 3, partners: 5, customers: 3, engagements: 4, contributions: 2, commitments: 4, outcomes: 3,
  };

  it('as ADMIN writes the input and returns what it held, per kind', async () => {
    await wipe(graph);
    const res = await gql(IMPORT, { input: fixture() });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ importEcosystem: COUNTS });
    const viaApi = await snapshot(graph);
    expect(viaApi.nodes).toBe(29);
    expect(viaApi.relationships).toBe(54);

    // The same graph as the importer writes from the same input (GraphQL defaults included).
    await wipe(graph);
    await importEcosystem(graph, fixture(), 120_000); // setup, not under test: no 10 s budget on a busy machine
    expect(await snapshot(graph)).toEqual(viaApi);

    const read = await gql<{ engagements: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      '{ engagements(first: 100) { totalCount edges { node { id } } } }');
    expect(read.data!.engagements.totalCount).toBe(4);
    expect(read.data!.engagements.edges.map((e) => e.node.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('is idempotent: importing the same input again leaves the graph as it was', async () => {
    await wipe(graph);
    const first = await gql(IMPORT, { input: fixture() });
    const once = await snapshot(graph);
    const second = await gql(IMPORT, { input: fixture() });
    const twice = await snapshot(graph);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual({ importEcosystem: COUNTS });
    expect(twice).toEqual(once);
    // And a third time over a graph that has other changes since: they are replaced again.
    expect((await gql(SET_COMMITMENT, { id: 'm1', status: 'DELIVERED' })).errors).toBeUndefined();
    expect((await gql(IMPORT, { input: fixture() })).errors).toBeUndefined();
    expect(await snapshot(graph)).toEqual(once);
  });

  it('refuses an invalid input with BAD_USER_INPUT, every problem with its JSON path, and writes nothing', async () => {
    const input = fixture();
    const e3 = engagementOf(input, 'e3');
    e3.commitments![0]!.dependsOn = ['m1']; // stored m1 → m2 → m3; this closes m3 → m1
    const bad: EcosystemInput = {
      partners: [{ id: 'p6', name: 'Sixth Sense AI', type: 'ISV', capabilities: [{ capability: 'genai', level: 9 }] }],
      engagements: [
        { id: 'e5', name: 'New pilot', customer: 'c1', status: 'PLANNED',
          participants: [{ partner: 'p404', role: 'CONTRIBUTOR', from: '2026-05-01' }] },
        e3,
      ],
    };
    const res = await unchanged(() => gql(IMPORT, { input: bad }));
    const error = onlyError(res, 'BAD_USER_INPUT');
    const problems = [...error.extensions.problems!].sort((a, b) => a.path.localeCompare(b.path));
    expect(problems).toEqual([
      { path: 'engagements[0].participants[0].partner', message: expect.stringContaining('"p404"') },
      { path: 'engagements[1].commitments[0].dependsOn[0]', message: expect.stringContaining('m1 → m2 → m3 → m1') },
      { path: 'partners[0].capabilities[0].level', message: expect.stringContaining('9') },
    ]);
    expect(problems[0]!.message).toMatch(/unknown partner/);
    expect(problems[1]!.message).toMatch(/cycle/i);
    // Nothing of the valid parts was written either.
    expect((await gql<{ partner: unknown }>('{ partner(id: "p6") { id } }')).data).toEqual({ partner: null });
  });

  it.each([
    ['a bad PartnerType', (i: EcosystemInput) => { (i.partners![1] as { type: string }).type = 'WIZARD'; }, 'partners[1].type', 'WIZARD'],
    ['a bad CommitmentStatus', (i: EcosystemInput) => { (engagementOf(i, 'e1').commitments![1] as { status: string }).status = 'DONE'; },
      'engagements[0].commitments[1].status', 'DONE'],
    ['an impossible startDate', (i: EcosystemInput) => { engagementOf(i, 'e2').startDate = '2026-02-30'; }, 'engagements[1].startDate', '2026-02-30'],
    ['a malformed participation from', (i: EcosystemInput) => { engagementOf(i, 'e1').participants![2]!.from = '2026-4-1'; },
      'engagements[0].participants[2].from', '2026-4-1'],
  ])('refuses %s in the variables with BAD_USER_INPUT pointing into the input', async (_name, spoil, path, value) => {
    const input = fixture();
    spoil(input);
    const res = await unchanged(() => gql(IMPORT, { input }));
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ path, message: expect.any(String) }]);
    expect(error.message).toContain(value);
  });

  it('lists every bad value of the variables', async () => {
    const input = fixture();
    (input.partners![0] as { type: string }).type = 'WIZARD';
    engagementOf(input, 'e4').startDate = '2026-13-01';
    const res = await unchanged(() => gql(IMPORT, { input }));
    expect(new Set(codes(res))).toEqual(new Set(['BAD_USER_INPUT']));
    const paths = (res.errors ?? []).flatMap((e) => (e.extensions.problems ?? []).map((p) => p.path)).sort();
    expect(paths).toEqual(['engagements[3].startDate', 'partners[0].type']);
  });
});

describe('assignRole', () => {
  it('hands over: the previous orchestrator ends at `from` and continues as CONTRIBUTOR; the new one holds ORCHESTRATOR from `from`', async () => {
    const res = await gql<Assigned>(ASSIGN, { engagementId: 'e1', partnerId: 'p3', role: 'ORCHESTRATOR', from: '2026-07-01' });
    expect(res.errors).toBeUndefined();
    const expected = [
      iv('p1', 'ORCHESTRATOR', '2026-01-01', '2026-04-01'),
      iv('p1', 'CONTRIBUTOR', '2026-04-01'),
      iv('p2', 'ORCHESTRATOR', '2026-04-01', '2026-07-01'),
      iv('p2', 'CONTRIBUTOR', '2026-07-01'),
      iv('p3', 'ORCHESTRATOR', '2026-07-01'),
    ];
    expect(res.data!.assignRole).toEqual({ id: 'e1', roleHistory: expected });
    expect(await history('e1')).toEqual(expected);

    expect(await inForce('e1', '2026-06-30')).toEqual({
      orchestrator: 'p2',
      participants: [iv('p1', 'CONTRIBUTOR', '2026-04-01'), iv('p2', 'ORCHESTRATOR', '2026-04-01', '2026-07-01')],
    });
    expect(await inForce('e1', '2026-07-01')).toEqual({
      orchestrator: 'p3',
      participants: [iv('p1', 'CONTRIBUTOR', '2026-04-01'), iv('p2', 'CONTRIBUTOR', '2026-07-01'), iv('p3', 'ORCHESTRATOR', '2026-07-01')],
    });
    // The fixture's own handover, for good measure: p1 until 2026-03-31, p2 from 2026-04-01.
    expect((await inForce('e1', '2026-03-31')).orchestrator).toBe('p1');
    expect((await inForce('e1', '2026-04-01')).orchestrator).toBe('p2');
  });

  it('hands over to a current contributor: its CONTRIBUTOR interval ends at `from`', async () => {
    const res = await gql<Assigned>(ASSIGN, { engagementId: 'e2', partnerId: 'p3', role: 'ORCHESTRATOR', from: '2026-06-01' });
    expect(res.errors).toBeUndefined();
    const expected = [
      iv('p2', 'ORCHESTRATOR', '2026-02-01', '2026-06-01'),
      iv('p3', 'CONTRIBUTOR', '2026-02-01', '2026-06-01'),
      iv('p2', 'CONTRIBUTOR', '2026-06-01'),
      iv('p3', 'ORCHESTRATOR', '2026-06-01'),
    ];
    expect(res.data!.assignRole.roleHistory).toEqual(expected);
    expect(await history('e2')).toEqual(expected);
    expect(await inForce('e2', '2026-05-31')).toEqual({
      orchestrator: 'p2', participants: [iv('p3', 'CONTRIBUTOR', '2026-02-01', '2026-06-01'), iv('p2', 'ORCHESTRATOR', '2026-02-01', '2026-06-01')],
    });
    expect(await inForce('e2', '2026-06-01')).toEqual({
      orchestrator: 'p3', participants: [iv('p2', 'CONTRIBUTOR', '2026-06-01'), iv('p3', 'ORCHESTRATOR', '2026-06-01')],
    });
  });

  it('assigns CONTRIBUTOR to a partner that did not participate', async () => {
    const res = await gql<Assigned>(ASSIGN, { engagementId: 'e1', partnerId: 'p4', role: 'CONTRIBUTOR', from: '2026-05-01' });
    expect(res.errors).toBeUndefined();
    const expected = [...E1_HISTORY, iv('p4', 'CONTRIBUTOR', '2026-05-01')];
    expect(res.data!.assignRole.roleHistory).toEqual(expected);
    expect(await history('e1')).toEqual(expected);
    expect(await inForce('e1', '2026-04-30')).toEqual({
      orchestrator: 'p2', participants: [iv('p1', 'CONTRIBUTOR', '2026-04-01'), iv('p2', 'ORCHESTRATOR', '2026-04-01')],
    });
    expect(await inForce('e1', '2026-05-01')).toEqual({
      orchestrator: 'p2',
      participants: [iv('p1', 'CONTRIBUTOR', '2026-04-01'), iv('p4', 'CONTRIBUTOR', '2026-05-01'), iv('p2', 'ORCHESTRATOR', '2026-04-01')],
    });
  });

  it('changes nothing when the partner already holds the role', async () => {
    for (const [partnerId, role, from] of [['p2', 'ORCHESTRATOR', '2026-08-01'], ['p1', 'CONTRIBUTOR', '2026-05-01']] as const) {
      const res = await unchanged(() => gql<Assigned>(ASSIGN, { engagementId: 'e1', partnerId, role, from }));
      expect(res.errors).toBeUndefined();
      expect(res.data!.assignRole).toEqual({ id: 'e1', roleHistory: E1_HISTORY });
    }
  });

  it('refuses a handover dated on or before the current orchestrator\'s `from` with CONFLICT, changing nothing', async () => {
    for (const from of ['2026-04-01', '2026-03-15', '2025-06-01']) {
      const res = await unchanged(() => gql(ASSIGN, { engagementId: 'e1', partnerId: 'p3', role: 'ORCHESTRATOR', from }));
      onlyError(res, 'CONFLICT');
    }
    expect(await history('e1')).toEqual(E1_HISTORY);
  });

  it('refuses an ORCHESTRATOR interval that would overlap a closed one with CONFLICT', async () => {
    // e3: p3 ORCHESTRATOR 2025-01-01 → 2025-12-31 and no open orchestrator.
    const res = await unchanged(() => gql(ASSIGN, { engagementId: 'e3', partnerId: 'p1', role: 'ORCHESTRATOR', from: '2025-06-01' }));
    onlyError(res, 'CONFLICT');
    // From the end of p3's interval on, it is free.
    const ok = await gql<Assigned>(ASSIGN, { engagementId: 'e3', partnerId: 'p1', role: 'ORCHESTRATOR', from: '2025-12-31' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.assignRole.roleHistory).toEqual([
      iv('p3', 'ORCHESTRATOR', '2025-01-01', '2025-12-31'),
      iv('p1', 'ORCHESTRATOR', '2025-12-31'),
    ]);
  });

  it('refuses to demote the only orchestrator of an ACTIVE engagement with CONFLICT', async () => {
    const e1 = await unchanged(() => gql(ASSIGN, { engagementId: 'e1', partnerId: 'p2', role: 'CONTRIBUTOR', from: '2026-05-01' }));
    onlyError(e1, 'CONFLICT');
    const e4 = await unchanged(() => gql(ASSIGN, { engagementId: 'e4', partnerId: 'p4', role: 'CONTRIBUTOR', from: '2026-05-01' }));
    onlyError(e4, 'CONFLICT');
    // A PLANNED engagement may be left without an orchestrator.
    const e2 = await gql<Assigned>(ASSIGN, { engagementId: 'e2', partnerId: 'p2', role: 'CONTRIBUTOR', from: '2026-05-01' });
    expect(e2.errors).toBeUndefined();
    expect(e2.data!.assignRole.roleHistory).toEqual([
      iv('p2', 'ORCHESTRATOR', '2026-02-01', '2026-05-01'),
      iv('p3', 'CONTRIBUTOR', '2026-02-01'),
      iv('p2', 'CONTRIBUTOR', '2026-05-01'),
    ]);
    expect((await inForce('e2', '2026-05-01')).orchestrator).toBeNull();
  });

  it('answers NOT_FOUND for an unknown engagement or partner, changing nothing', async () => {
    const noEngagement = await unchanged(() => gql(ASSIGN, { engagementId: 'e404', partnerId: 'p3', role: 'CONTRIBUTOR', from: '2026-05-01' }));
    onlyError(noEngagement, 'NOT_FOUND');
    const noPartner = await unchanged(() => gql(ASSIGN, { engagementId: 'e1', partnerId: 'p404', role: 'ORCHESTRATOR', from: '2026-05-01' }));
    onlyError(noPartner, 'NOT_FOUND');
  });

  it('refuses a date that is not a real YYYY-MM-DD date with BAD_USER_INPUT, changing nothing', async () => {
    for (const from of ['2026-02-30', '2026-13-01', '2026-5-1', 'tomorrow', '']) {
      const res = await unchanged(() => gql(ASSIGN, { engagementId: 'e1', partnerId: 'p3', role: 'CONTRIBUTOR', from }));
      const error = onlyError(res, 'BAD_USER_INPUT');
      expect(error.extensions.problems).toEqual([{ path: 'from', message: expect.any(String) }]);
    }
    // Written into the operation instead of a variable: the same refusal, with the same path.
    const literal = await unchanged(() => gql(
      'mutation { assignRole(engagementId: "e1", partnerId: "p3", role: CONTRIBUTOR, from: "2026-02-30") { id } }'));
    const error = onlyError(literal, 'BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ path: 'from', message: expect.stringContaining('2026-02-30') }]);
    expect(literal.data ?? null).toBeNull();
  });

  /** Every answer is data or a CONFLICT / BAD_USER_INPUT refusal; returns how many were accepted. */
  function accepted(responses: Array<GqlResponse<Record<string, { id: string }>>>): number {
    let n = 0;
    for (const res of responses) {
      if (res.errors === undefined) {
        expect(Object.values(res.data!)[0]!.id).toBe('e1');
        n++;
      } else {
        expect(res.errors).toHaveLength(1);
        expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(res.errors[0]!.extensions.code);
      }
    }
    return n;
  }

  /** The invariants of e1 (ACTIVE), read back through the API. */
  async function checkInvariants(): Promise<Interval[]> {
    const intervals = await history('e1');
    for (const i of intervals) if (i.to !== null) expect(i.to > i.from, JSON.stringify(i)).toBe(true);
    const orchestrations = intervals.filter((i) => i.role === 'ORCHESTRATOR');
    const boundaries = [...new Set(intervals.flatMap((i) => (i.to ? [i.from, i.to] : [i.from])))].sort();
    for (const day of boundaries) {
      const held = orchestrations.filter((i) => i.from <= day && (i.to === null || day < i.to));
      expect(held.length, `ORCHESTRATOR intervals in force on ${day}: ${JSON.stringify(held)}`).toBeLessThanOrEqual(1);
    }
    // ACTIVE: exactly one open ORCHESTRATOR interval, and every partner has at most one open interval.
    expect(orchestrations.filter((i) => i.to === null)).toHaveLength(1);
    const open = intervals.filter((i) => i.to === null).map((i) => i.partner.id);
    expect(open.length).toBe(new Set(open).size);
    // The fixture's history before the first possible change is untouched.
    expect(intervals[0]).toEqual(iv('p1', 'ORCHESTRATOR', '2026-01-01', '2026-04-01'));
    // The API agrees with itself on who orchestrates on each boundary date.
    for (const day of boundaries) {
      const held = orchestrations.find((i) => i.from <= day && (i.to === null || day < i.to));
      expect((await inForce('e1', day)).orchestrator).toBe(held?.partner.id ?? null);
    }
    return intervals;
  }

  /** 2026-03-20 … 2026-05-18, in a scrambled order. */
  const dayOf = (i: number) => new Date(Date.UTC(2026, 2, 20 + ((i * 11) % 60))).toISOString().slice(0, 10);
  const PARTNER_IDS = ['p1', 'p2', 'p3', 'p4', 'p5'];

  it('keeps its invariants under 30 conflicting handovers at once', async () => {
    const requests = Array.from({ length: 30 }, (_, i) => (
      { engagementId: 'e1', partnerId: PARTNER_IDS[i % PARTNER_IDS.length]!, role: 'ORCHESTRATOR', from: dayOf(i) }));
    const responses = await Promise.all(requests.map((v) => gql<Assigned>(ASSIGN, v)));
    expect(accepted(responses)).toBeGreaterThan(0);
    const intervals = await checkInvariants();
    expect(intervals.filter((i) => i.role === 'ORCHESTRATOR').length).toBeGreaterThan(2); // at least one handover happened
  });

  it('keeps its invariants under 30 mixed handovers, demotions and ends at once', async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => {
      const partnerId = PARTNER_IDS[(i * 3) % PARTNER_IDS.length]!;
      if (i % 3 === 2) return gql<Ended>(END, { engagementId: 'e1', partnerId, to: dayOf(i) });
      return gql<Assigned>(ASSIGN, { engagementId: 'e1', partnerId, role: i % 3 === 0 ? 'ORCHESTRATOR' : 'CONTRIBUTOR', from: dayOf(i) });
    }));
    expect(accepted(responses)).toBeGreaterThan(0);
    await checkInvariants();
  });
});

describe('endParticipation', () => {
  it('ends the partner\'s open interval at `to`', async () => {
    const res = await gql<Ended>(END, { engagementId: 'e1', partnerId: 'p1', to: '2026-06-01' });
    expect(res.errors).toBeUndefined();
    const expected = [
      iv('p1', 'ORCHESTRATOR', '2026-01-01', '2026-04-01'),
      iv('p1', 'CONTRIBUTOR', '2026-04-01', '2026-06-01'),
      iv('p2', 'ORCHESTRATOR', '2026-04-01'),
    ];
    expect(res.data!.endParticipation).toEqual({ id: 'e1', roleHistory: expected });
    expect(await history('e1')).toEqual(expected);
    expect((await inForce('e1', '2026-05-31')).participants.map((p) => p.partner.id)).toEqual(['p1', 'p2']);
    expect((await inForce('e1', '2026-06-01')).participants.map((p) => p.partner.id)).toEqual(['p2']);
  });

  it('ends the orchestrator of a PLANNED engagement', async () => {
    const res = await gql<Ended>(END, { engagementId: 'e2', partnerId: 'p2', to: '2026-03-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.endParticipation.roleHistory).toEqual([
      iv('p2', 'ORCHESTRATOR', '2026-02-01', '2026-03-01'),
      iv('p3', 'CONTRIBUTOR', '2026-02-01'),
    ]);
  });

  it('refuses `to` on or before the interval\'s `from`, changing nothing', async () => {
    for (const to of ['2026-04-01', '2026-03-31', '2025-01-01']) {
      const res = await unchanged(() => gql(END, { engagementId: 'e1', partnerId: 'p1', to }));
      expect(codes(res)).toHaveLength(1);
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(codes(res)[0]);
      expect(res.data ?? null).toBeNull();
    }
  });

  it('refuses a partner without an open interval with BAD_USER_INPUT', async () => {
    // p4 never took part in e1; p3's only interval on e3 is closed; p5 never took part in e4.
    for (const [engagementId, partnerId] of [['e1', 'p4'], ['e3', 'p3'], ['e4', 'p5']]) {
      const res = await unchanged(() => gql(END, { engagementId, partnerId, to: '2026-12-01' }));
      onlyError(res, 'BAD_USER_INPUT');
    }
  });

  it('refuses to end the only open orchestrator of an ACTIVE engagement with CONFLICT', async () => {
    for (const [engagementId, partnerId] of [['e1', 'p2'], ['e4', 'p4']]) {
      const res = await unchanged(() => gql(END, { engagementId, partnerId, to: '2026-12-01' }));
      onlyError(res, 'CONFLICT');
    }
  });

  it('answers NOT_FOUND for an unknown engagement or partner and BAD_USER_INPUT for a bad date', async () => {
    onlyError(await unchanged(() => gql(END, { engagementId: 'e404', partnerId: 'p1', to: '2026-12-01' })), 'NOT_FOUND');
    onlyError(await unchanged(() => gql(END, { engagementId: 'e1', partnerId: 'p404', to: '2026-12-01' })), 'NOT_FOUND');
    const bad = onlyError(await unchanged(() => gql(END, { engagementId: 'e1', partnerId: 'p1', to: '2026-06-31' })), 'BAD_USER_INPUT');
    expect(bad.extensions.problems).toEqual([{ path: 'to', message: expect.any(String) }]);
  });
});

describe('setCommitmentStatus', () => {
  it('ADMIN sets any commitment\'s status', async () => {
    for (const [id, status, owner, engagement] of [['m4', 'DELIVERED', 'p4', 'e4'], ['m3', 'LATE', 'p3', 'e3']]) {
      const res = await gql(SET_COMMITMENT, { id, status });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ setCommitmentStatus: { id, status, owner: { id: owner }, engagement: { id: engagement } } });
      expect(await commitmentStatus(id!)).toBe(status);
    }
  });

  it('a PARTNER token sets the status of a commitment its partner owns', async () => {
    const p1 = await gql(SET_COMMITMENT, { id: 'm1', status: 'IN_PROGRESS' }, tokens.partner.p1);
    expect(p1.errors).toBeUndefined();
    expect(p1.data).toEqual({ setCommitmentStatus: { id: 'm1', status: 'IN_PROGRESS', owner: { id: 'p1' }, engagement: { id: 'e1' } } });
    expect(await commitmentStatus('m1')).toBe('IN_PROGRESS');
    // Also in an engagement that is over (p3 still held a role in e3).
    const p3 = await gql(SET_COMMITMENT, { id: 'm3', status: 'FAILED' }, tokens.partner.p3);
    expect(p3.errors).toBeUndefined();
    expect(await commitmentStatus('m3')).toBe('FAILED');
  });

  it('a PARTNER token gets FORBIDDEN for a commitment in its scope that another partner owns', async () => {
    // m2 (owned by p2) is in e1, which p1 sees; m1 (owned by p1) is in e1, which p2 sees.
    onlyError(await unchanged(() => gql(SET_COMMITMENT, { id: 'm2', status: 'DELIVERED' }, tokens.partner.p1)), 'FORBIDDEN');
    onlyError(await unchanged(() => gql(SET_COMMITMENT, { id: 'm1', status: 'DELIVERED' }, tokens.partner.p2)), 'FORBIDDEN');
    expect(await commitmentStatus('m2')).toBe('LATE');
    expect(await commitmentStatus('m1')).toBe('FAILED');
  });

  it('a PARTNER token gets NOT_FOUND for a commitment outside its scope, exactly as for a missing id', async () => {
    for (const [token, outside] of [[tokens.partner.p1!, 'm4'], [tokens.partner.p1!, 'm3'], [tokens.partner.p4!, 'm1'], [tokens.partner.p5!, 'm2']]) {
      const out = await unchanged(() => gql(SET_COMMITMENT, { id: outside, status: 'DELIVERED' }, token));
      const missing = await unchanged(() => gql(SET_COMMITMENT, { id: 'm-none', status: 'DELIVERED' }, token));
      onlyError(out, 'NOT_FOUND');
      expect(normalised(out, outside)).toEqual(normalised(missing, 'm-none'));
    }
  });

  it('an ANALYST token gets FORBIDDEN', async () => {
    for (const id of ['m1', 'm4', 'm-none']) {
      onlyError(await unchanged(() => gql(SET_COMMITMENT, { id, status: 'DELIVERED' }, tokens.analyst)), 'FORBIDDEN');
    }
  });

  it('answers NOT_FOUND to ADMIN for a missing id', async () => {
    onlyError(await unchanged(() => gql(SET_COMMITMENT, { id: 'm-none', status: 'DELIVERED' })), 'NOT_FOUND');
  });
});

describe('setOutcomeStatus', () => {
  it('ADMIN sets an outcome\'s status', async () => {
    const res = await gql(SET_OUTCOME, { id: 'o2', status: 'PARTIALLY_MET' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ setOutcomeStatus: { id: 'o2', status: 'PARTIALLY_MET', engagement: { id: 'e2' } } });
    expect(await outcomeStatus('o2')).toBe('PARTIALLY_MET');
  });

  it('answers NOT_FOUND for a missing id', async () => {
    onlyError(await unchanged(() => gql(SET_OUTCOME, { id: 'o-none', status: 'MET' })), 'NOT_FOUND');
  });

  it('PARTNER and ANALYST tokens get FORBIDDEN, in scope or not', async () => {
    for (const token of [tokens.partner.p1!, tokens.partner.p4!, tokens.analyst]) {
      for (const id of ['o1', 'o3', 'o-none']) {
        onlyError(await unchanged(() => gql(SET_OUTCOME, { id, status: 'MET' }, token)), 'FORBIDDEN');
      }
    }
    expect(await outcomeStatus('o1')).toBe('MISSED');
  });
});

describe('createApiToken and revokeApiToken', () => {
  type Created = { createApiToken: { id: string; role: string; partnerId: string | null; label: string | null; secret: string | null } };
  type ViewerData = { viewer: { role: string; partner: { id: string; name: string } | null } };

  it('ADMIN creates an ANALYST token; its secret is a working bearer token', async () => {
    const res = await gql<Created>(CREATE_TOKEN, { role: 'ANALYST', label: 'BI export' });
    expect(res.errors).toBeUndefined();
    const token = res.data!.createApiToken;
    expect(token).toEqual({ id: expect.any(String), role: 'ANALYST', partnerId: null, label: 'BI export', secret: expect.any(String) });
    expect(token.secret!.length).toBeGreaterThanOrEqual(32);
    const viewer = await gql<ViewerData>(VIEWER, undefined, token.secret);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data).toEqual({ viewer: { role: 'ANALYST', partner: null } });
    // It reads everything, and writes nothing.
    const all = await gql<{ engagements: { totalCount: number } }>('{ engagements { totalCount } }', undefined, token.secret);
    expect(all.data).toEqual({ engagements: { totalCount: 4 } });
    onlyError(await gql(SET_OUTCOME, { id: 'o1', status: 'MET' }, token.secret), 'FORBIDDEN');
  });

  it('ADMIN creates a PARTNER token; viewer shows the role and the partner', async () => {
    const res = await gql<Created>(CREATE_TOKEN, { role: 'PARTNER', partnerId: 'p2' });
    expect(res.errors).toBeUndefined();
    const token = res.data!.createApiToken;
    expect(token).toEqual({ id: expect.any(String), role: 'PARTNER', partnerId: 'p2', label: null, secret: expect.any(String) });
    const viewer = await gql<ViewerData>(VIEWER, undefined, token.secret);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data).toEqual({ viewer: { role: 'PARTNER', partner: { id: 'p2', name: 'Lumen Labs' } } });
    const scoped = await gql<{ engagements: { totalCount: number } }>('{ engagements { totalCount } }', undefined, token.secret);
    expect(scoped.data).toEqual({ engagements: { totalCount: 2 } });
  });

  it('gives every token its own secret and id', async () => {
    const made = await Promise.all([0, 1, 2].map(() => gql<Created>(CREATE_TOKEN, { role: 'PARTNER', partnerId: 'p1' })));
    const secrets = made.map((r) => r.data!.createApiToken.secret);
    const ids = made.map((r) => r.data!.createApiToken.id);
    expect(new Set(secrets).size).toBe(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('stores only a hash of the secret', async () => {
    const res = await gql<Created>(CREATE_TOKEN, { role: 'PARTNER', partnerId: 'p3', label: 'p3 portal' });
    const { id, secret } = res.data!.createApiToken;
    const rows = await graph.read<{ id: string; props: Record<string, unknown> }>('MATCH (t:ApiToken) RETURN t.id AS id, properties(t) AS props');
    expect(rows.map((r) => r.id)).toContain(id);
    for (const row of rows) {
      for (const value of Object.values(row.props)) {
        expect(value).not.toBe(secret);
        if (typeof value === 'string') expect(value.includes(secret!)).toBe(false);
      }
    }
    // Nowhere else in the graph either.
    const anywhere = await graph.read<{ n: number }>(
      'MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $secret) RETURN count(n) AS n', { secret });
    expect(anywhere).toEqual([{ n: 0 }]);
  });

  it.each([
    ['PARTNER without partnerId', { role: 'PARTNER' }],
    ['ANALYST with a partnerId', { role: 'ANALYST', partnerId: 'p1' }],
    ['ADMIN with a partnerId', { role: 'ADMIN', partnerId: 'p1' }],
    ['PARTNER with an unknown partnerId', { role: 'PARTNER', partnerId: 'p404' }],
  ])('refuses %s with BAD_USER_INPUT, storing nothing', async (_name, variables) => {
    const res = await unchanged(() => gql(CREATE_TOKEN, variables));
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ path: 'partnerId', message: expect.any(String) }]);
  });

  it('is ADMIN only: ANALYST and PARTNER tokens get FORBIDDEN for both mutations', async () => {
    const [stored] = await graph.read<{ id: string }>("MATCH (t:ApiToken {partnerId: 'p2'}) RETURN t.id AS id");
    for (const token of [tokens.analyst, tokens.partner.p1!]) {
      onlyError(await unchanged(() => gql(CREATE_TOKEN, { role: 'ANALYST' }, token)), 'FORBIDDEN');
      onlyError(await unchanged(() => gql(CREATE_TOKEN, { role: 'PARTNER', partnerId: 'p1' }, token)), 'FORBIDDEN');
      onlyError(await unchanged(() => gql(REVOKE_TOKEN, { id: stored!.id }, token)), 'FORBIDDEN');
    }
    expect((await gql<ViewerData>(VIEWER, undefined, tokens.partner.p2)).data).toEqual({ viewer: { role: 'PARTNER', partner: { id: 'p2', name: 'Lumen Labs' } } });
  });

  it('revokes: true, then false; a revoked token is UNAUTHENTICATED at once', async () => {
    const created = await gql<Created>(CREATE_TOKEN, { role: 'PARTNER', partnerId: 'p4' });
    const { id, secret } = created.data!.createApiToken;
    // Used once, so the server has it cached as valid.
    expect((await gql<ViewerData>(VIEWER, undefined, secret)).data).toEqual({ viewer: { role: 'PARTNER', partner: { id: 'p4', name: 'Atlas Cloud Market' } } });

    expect(await gql(REVOKE_TOKEN, { id })).toEqual({ status: 200, data: { revokeApiToken: true } });
    const after = await gql(VIEWER, undefined, secret);
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.data ?? null).toBeNull();

    expect(await gql(REVOKE_TOKEN, { id })).toEqual({ status: 200, data: { revokeApiToken: false } });
    expect(await gql(REVOKE_TOKEN, { id: 'tok_none' })).toEqual({ status: 200, data: { revokeApiToken: false } });
    // Other tokens are not affected.
    expect((await gql<ViewerData>(VIEWER, undefined, tokens.partner.p4)).data!.viewer.role).toBe('PARTNER');
  });
});

describe('roles that may not write', () => {
  async function cases(): Promise<Array<[string, string, Record<string, unknown>]>> {
    const [stored] = await graph.read<{ id: string }>("MATCH (t:ApiToken {partnerId: 'p5'}) RETURN t.id AS id");
    const input = fixture();
    input.partners!.push({ id: 'p6', name: 'Sixth Sense AI', type: 'ISV' });
    return [
      ['importEcosystem', IMPORT, { input }],
      ['assignRole', ASSIGN, { engagementId: 'e1', partnerId: 'p3', role: 'ORCHESTRATOR', from: '2026-07-01' }],
      ['endParticipation', END, { engagementId: 'e1', partnerId: 'p1', to: '2026-07-01' }],
      ['setCommitmentStatus', SET_COMMITMENT, { id: 'm1', status: 'DELIVERED' }],
      ['setOutcomeStatus', SET_OUTCOME, { id: 'o1', status: 'MET' }],
      ['createApiToken', CREATE_TOKEN, { role: 'ANALYST' }],
      ['revokeApiToken', REVOKE_TOKEN, { id: stored!.id }],
    ];
  }

  it('an ANALYST token gets FORBIDDEN for every write, and nothing changes', async () => {
    for (const [name, query, variables] of await cases()) {
      const res = await unchanged(() => gql(query, variables, tokens.analyst));
      expect(codes(res), name).toEqual(['FORBIDDEN']);
      expect(res.data ?? null, name).toBeNull();
    }
  });

  it('a PARTNER token gets FORBIDDEN for every write but setCommitmentStatus on its own commitments', async () => {
    for (const [name, query, variables] of await cases()) {
      if (name === 'setCommitmentStatus') continue;
      const res = await unchanged(() => gql(query, variables, tokens.partner.p1));
      expect(codes(res), name).toEqual(['FORBIDDEN']);
    }
  });

  it('the same writes succeed for ADMIN (the arguments above are valid)', async () => {
    for (const [name, query, variables] of await cases()) {
      const res = await gql(query, variables, ADMIN);
      expect(res.errors, name).toBeUndefined();
    }
  });
});
