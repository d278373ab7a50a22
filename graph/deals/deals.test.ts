/**
 * Deal registration against a real Neo4j, every rule with an answer worked by hand
 * (contract: Deal registration): windows, the default expiry, approvals that CONFLICT
 * (also when twenty race), rejections, scope, both conflict kinds, audit and events.
 */
import { describe, expect, it } from 'vitest';
import { eachTestFrom } from '../../tests/support/graph.ts';
import type { Actor } from '../audit/index.ts';
import type { Graph } from '../db/index.ts';
import { eventsAfter, lastSequence, sequenceEvents } from '../events/index.ts';
import { importEcosystem } from '../import/index.ts';
import type { DealRegistrationInput, EcosystemInput } from '../model/index.ts';
import { dealConflicts, dealRegistrationPage, decideDealRegistration, registerDeal, type DealConflictRow } from './index.ts';

let graph: Graph;
const TODAY = '2026-03-15';
const RACERS = Array.from({ length: 20 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
const PARTNER_P1: Actor = { tokenId: 'tok_p1', role: 'PARTNER', partnerId: 'p1' };

/**
 * c1 has engagement e1, which requires genai only; p1 orchestrates it. c2 has none.
 * Partners p1..p4 and the twenty racers r01..r20.
 */
const WORLD: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  capabilities: [{ id: 'genai', name: 'Generative AI' }, { id: 'sap', name: 'SAP' }, { id: 'crm', name: 'CRM' }],
  partners: [...['p1', 'p2', 'p3', 'p4'], ...RACERS].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
  customers: [
    { id: 'c1', name: 'Contoso', region: 'R1', industry: 'I1' },
    { id: 'c2', name: 'Fabrikam', region: 'R1', industry: 'I1' },
  ],
  engagements: [{
    id: 'e1', name: 'Claims copilot', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
    requires: [{ capability: 'genai', level: 3 }],
    participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01' }, { partner: 'p2', role: 'CONTRIBUTOR', from: '2026-01-01' }],
  }],
};

const reg = (id: string, partner: string, customer: string, capability: string, registeredOn: string, more: Partial<DealRegistrationInput> = {}): DealRegistrationInput =>
  ({ id, partner, customer, capability, registeredOn, ...more });

const register = (input: DealRegistrationInput) => registerDeal(graph, input, TODAY);
const approve = (id: string, reason = 'approved') => decideDealRegistration(graph, id, 'APPROVED', reason, TODAY);
const reject = (id: string, reason = 'rejected') => decideDealRegistration(graph, id, 'REJECTED', reason, TODAY);

/** Conflicts in a form that is easy to compare: kind, customer, capability, registration ids, contribution. */
function brief(conflicts: DealConflictRow[]) {
  return conflicts.map((c) => [c.kind, c.customer.id, c.capability.id, c.registrations.map((r) => r.id), c.contribution?.id ?? null]);
}

async function statusOf(id: string): Promise<string | null> {
  const [row] = await graph.read<{ status: string }>('MATCH (d:DealRegistration {id: $id}) RETURN d.status AS status', { id });
  return row?.status ?? null;
}

/** Everything that says a write happened: registrations, audit entries, events. */
async function footprint() {
  const [row] = await graph.read<{ deals: number; audits: number; events: number }>(`
    CALL () { MATCH (d:DealRegistration) RETURN count(d) AS deals }
    CALL () { MATCH (a:AuditEntry) RETURN count(a) AS audits }
    CALL () { MATCH (e:Event) RETURN count(e) AS events }
    RETURN deals, audits, events`);
  return row!;
}

eachTestFrom(WORLD, (opened) => { graph = opened; });

describe('windows', () => {
  it('the default expiry is registeredOn + 90 days, in force up to the day before it', async () => {
    // 2026-01-01 + 31 (January) + 28 (February) + 31 (March) = 2026-04-01.
    const d = await register(reg('d1', 'p1', 'c1', 'genai', '2026-01-01'));
    expect(d).toMatchObject({ id: 'd1', registeredOn: '2026-01-01', expiresOn: '2026-04-01', status: 'PENDING', reason: null, inForce: true, partnerId: 'p1' });
    expect(d.customer).toMatchObject({ id: 'c1', name: 'Contoso', region: { code: 'R1' } });
    expect(d.capability).toEqual({ id: 'genai', name: 'Generative AI' });
    // A leap year: 2028-02-01 + 29 + 31 + 30 = 2028-05-01.
    expect((await register(reg('d2', 'p2', 'c2', 'sap', '2028-02-01'))).expiresOn).toBe('2028-05-01');
    const inForceOn = async (day: string) => (await dealRegistrationPage(graph, null, { inForce: true }, { first: 10 }, day)).edges.map((e) => e.node.id);
    expect(await inForceOn('2025-12-31')).toEqual([]);
    expect(await inForceOn('2026-01-01')).toEqual(['d1']);
    expect(await inForceOn('2026-03-31')).toEqual(['d1']);
    expect(await inForceOn('2026-04-01')).toEqual([]);
  });

  it('expiresOn must be after registeredOn; a PENDING registration has no reason', async () => {
    await expect(register(reg('d1', 'p1', 'c1', 'genai', '2026-01-01', { expiresOn: '2026-01-01' }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT', problems: [{ path: 'input.expiresOn', message: 'must be after registeredOn (2026-01-01)' }],
    });
    await expect(register(reg('d1', 'p1', 'c1', 'genai', '2026-01-01', { reason: 'why not' }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT', problems: [{ path: 'input.reason' }],
    });
    await expect(register(reg('d1', 'nobody', 'c9', 'genai', '2026-01-01'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT', problems: [{ path: 'input.partner', message: 'unknown partner "nobody"' }, { path: 'input.customer', message: 'unknown customer "c9"' }],
    });
  });

  it('windows that touch do not overlap: an approval ending on day X and one starting on X both stand', async () => {
    await register(reg('a', 'p1', 'c1', 'genai', '2026-01-01', { expiresOn: '2026-03-01', status: 'APPROVED' }));
    await register(reg('b', 'p2', 'c1', 'genai', '2026-03-01', { expiresOn: '2026-05-01', status: 'APPROVED' }));
    // [2026-02-28, 2026-03-02) overlaps both a (on 02-28) and b (on 03-01).
    await expect(register(reg('c', 'p3', 'c1', 'genai', '2026-02-28', { expiresOn: '2026-03-02', status: 'APPROVED' })))
      .rejects.toMatchObject({ code: 'CONFLICT', problems: [{ path: 'input.status', message: 'overlaps APPROVED registration a, b of another partner' }] });
    // On 2026-03-01 a has expired and b has begun: one partner each day, no overlap.
    expect(await dealConflicts(graph, '2026-02-28', TODAY)).toEqual([]);
    expect(await dealConflicts(graph, '2026-03-01', TODAY)).toEqual([]);
    // Registered PENDING, c is stored and does overlap, on 02-28 with a and on 03-01 with b.
    await register(reg('c', 'p3', 'c1', 'genai', '2026-02-28', { expiresOn: '2026-03-02' }));
    expect(brief(await dealConflicts(graph, '2026-02-28', TODAY))).toEqual([['OVERLAPPING_REGISTRATIONS', 'c1', 'genai', ['a', 'c'], null]]);
    expect(brief(await dealConflicts(graph, '2026-03-01', TODAY))).toEqual([['OVERLAPPING_REGISTRATIONS', 'c1', 'genai', ['c', 'b'], null]]);
    expect(await dealConflicts(graph, '2026-03-02', TODAY)).toEqual([]);
  });
});

describe('approvals', () => {
  it('a rejected registration no longer counts: neither for CONFLICT nor as an overlap', async () => {
    await register(reg('x', 'p4', 'c1', 'sap', '2026-01-01', { status: 'APPROVED', reason: 'first' }));
    await register(reg('y', 'p1', 'c1', 'sap', '2026-02-01'));
    expect(brief(await dealConflicts(graph, '2026-02-10', TODAY))).toEqual([['OVERLAPPING_REGISTRATIONS', 'c1', 'sap', ['x', 'y'], null]]);
    await expect(approve('y')).rejects.toMatchObject({ code: 'CONFLICT', problems: [{ path: 'status' }] });
    expect(await statusOf('y')).toBe('PENDING');
    const rejected = await reject('x', 'duplicate claim');
    expect(rejected).toMatchObject({ id: 'x', status: 'REJECTED', reason: 'duplicate claim', inForce: false });
    expect(await dealConflicts(graph, '2026-02-10', TODAY)).toEqual([]);
    expect(await approve('y', 'x was rejected')).toMatchObject({ status: 'APPROVED', reason: 'x was rejected', inForce: true });
    // The same partner's overlapping registrations are no channel conflict.
    await register(reg('y2', 'p1', 'c1', 'sap', '2026-02-15', { status: 'APPROVED' }));
    expect(await dealConflicts(graph, '2026-02-20', TODAY)).toEqual([]);
  });

  it('a decision needs APPROVED or REJECTED, a reason, and a registration that exists', async () => {
    await register(reg('d', 'p1', 'c1', 'genai', '2026-01-01'));
    await expect(decideDealRegistration(graph, 'd', 'APPROVED', '  ', TODAY)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'reason' }] });
    await expect(decideDealRegistration(graph, 'd', 'PENDING', 'back', TODAY)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'status' }] });
    await expect(approve('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(register(reg('d', 'p2', 'c2', 'sap', '2026-01-01'))).rejects.toMatchObject({ code: 'CONFLICT', problems: [{ path: 'input.id' }] });
  });

  it('a PARTNER registers for its own partner only, PENDING only', async () => {
    const asP1 = { actor: PARTNER_P1, partnerId: 'p1' };
    await expect(registerDeal(graph, reg('d', 'p2', 'c1', 'genai', '2026-01-01'), TODAY, asP1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registerDeal(graph, reg('d', 'p1', 'c1', 'genai', '2026-01-01', { status: 'APPROVED' }), TODAY, asP1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A customer it has no engagement with is what registering is for.
    expect(await registerDeal(graph, reg('d', 'p1', 'c2', 'genai', '2026-01-01'), TODAY, asP1)).toMatchObject({ id: 'd', partnerId: 'p1', status: 'PENDING' });
  });

  it('twenty approvals racing for one customer and capability: exactly one stands, the others are CONFLICT', async () => {
    // Half wait as PENDING and are approved by decideDealRegistration, half are registered APPROVED, all at once.
    const deciders = RACERS.slice(0, 10);
    for (const [i, p] of deciders.entries()) await register(reg(`w-${p}`, p, 'c2', 'crm', `2026-01-0${1 + (i % 5)}`, { expiresOn: '2026-06-01' }));
    const results = await Promise.allSettled([
      ...deciders.map((p) => approve(`w-${p}`)),
      ...RACERS.slice(10).map((p, i) => register(reg(`n-${p}`, p, 'c2', 'crm', `2026-02-0${1 + (i % 5)}`, { expiresOn: '2026-07-01', status: 'APPROVED' }))),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(Array(19).fill('CONFLICT'));
    const [count] = await graph.read<{ approved: number; stored: number }>(`
      MATCH (d:DealRegistration)-[:CLAIMS]->(:Customer {id: 'c2'})
      RETURN count(CASE WHEN d.status = 'APPROVED' THEN 1 END) AS approved, count(d) AS stored`);
    // The ten PENDING ones stay; of the ten registered APPROVED only a winner is stored.
    expect(count!.approved).toBe(1);
    expect(count!.stored).toBe(10 + results.slice(10).filter((r) => r.status === 'fulfilled').length);
  }, 120_000);

  it('racing approvals with staggered windows: never two APPROVED registrations of different partners in force on one day', async () => {
    // Windows of 20 days starting every 5 days: each overlaps its three neighbours on either side.
    const start = Date.parse('2026-01-01T00:00:00Z');
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    await Promise.allSettled(RACERS.map((p, i) =>
      register(reg(`s-${p}`, p, 'c1', 'crm', day(5 * i), { expiresOn: day(5 * i + 20), status: 'APPROVED' }))));
    const approved = await graph.read<{ from: string; to: string }>(`
      MATCH (d:DealRegistration {status: 'APPROVED'})-[:CLAIMS]->(:Customer {id: 'c1'}) WHERE (d)-[:COVERS]->(:Capability {id: 'crm'})
      RETURN toString(d.registeredOn) AS from, toString(d.expiresOn) AS to ORDER BY from`);
    expect(approved.length).toBeGreaterThan(0);
    for (let i = 1; i < approved.length; i++) expect(approved[i]!.from >= approved[i - 1]!.to).toBe(true);
  }, 120_000);
});

describe('dealConflicts', () => {
  it('OVERLAPPING_REGISTRATIONS: one per customer and capability with two partners or more in force, by priority, in order', async () => {
    await register(reg('q1', 'p3', 'c2', 'genai', '2026-02-01'));
    await register(reg('q3', 'p2', 'c2', 'genai', '2026-01-15'));
    await register(reg('q2', 'p1', 'c2', 'genai', '2026-01-15', { status: 'APPROVED' }));
    // Two registrations of one partner are not a conflict.
    await register(reg('s1', 'p1', 'c2', 'sap', '2026-01-01'));
    await register(reg('s2', 'p1', 'c2', 'sap', '2026-01-20'));
    // Expired before asOf; and one not yet started.
    await register(reg('old', 'p4', 'c2', 'genai', '2025-01-01', { expiresOn: '2026-02-10' }));
    await register(reg('later', 'p4', 'c2', 'genai', '2026-02-11'));
    await register(reg('t1', 'p2', 'c1', 'crm', '2026-02-01'));
    await register(reg('t2', 'p4', 'c1', 'crm', '2026-01-31', { expiresOn: '2026-02-11' }));
    expect(brief(await dealConflicts(graph, '2026-02-10', TODAY))).toEqual([
      ['OVERLAPPING_REGISTRATIONS', 'c1', 'crm', ['t2', 't1'], null],
      // registeredOn, then id: q2 and q3 on 01-15 (q2 first by id), q1 on 02-01; "old" expires on 02-10, "later" starts after it.
      ['OVERLAPPING_REGISTRATIONS', 'c2', 'genai', ['q2', 'q3', 'q1'], null],
    ]);
    const [, c2] = await dealConflicts(graph, '2026-02-10', TODAY);
    expect(c2!.registrations.map((r) => [r.partnerId, r.status])).toEqual([['p1', 'APPROVED'], ['p2', 'PENDING'], ['p3', 'PENDING']]);
    expect(c2).toMatchObject({ customer: { id: 'c2', name: 'Fabrikam' }, capability: { id: 'genai', name: 'Generative AI' }, contribution: null, engagementId: null });
  });

  it('SOURCED_AGAINST_REGISTRATION: a SOURCED touch inside another partner\'s APPROVED window on a required capability', async () => {
    await register(reg('A', 'p1', 'c1', 'genai', '2026-05-01', { expiresOn: '2026-06-01', status: 'APPROVED' }));
    await register(reg('B', 'p3', 'c1', 'crm', '2026-05-01', { expiresOn: '2026-08-01', status: 'APPROVED' }));
    await register(reg('P', 'p4', 'c1', 'genai', '2026-05-01'));
    await importEcosystem(graph, { engagements: [{
      ...WORLD.engagements![0]!,
      contributions: [
        { id: 'k1', partner: 'p2', kind: 'SOURCED', date: '2026-05-10' }, // inside A: conflict
        { id: 'k0', partner: 'p2', kind: 'SOURCED', date: '2026-05-01' }, // A's first day: conflict
        { id: 'k2', partner: 'p2', kind: 'SOURCED', date: '2026-06-01' }, // A has expired (touching end)
        { id: 'k3', partner: 'p1', kind: 'SOURCED', date: '2026-05-15' }, // A's own partner
        { id: 'k4', partner: 'p2', kind: 'INFLUENCED', date: '2026-05-12' }, // not SOURCED
        { id: 'k5', partner: 'p2', kind: 'SOURCED', date: '2026-07-10' }, // inside B, but e1 does not require crm
        { id: 'k6', partner: 'p2', kind: 'SOURCED', date: '2026-04-30' }, // before A
      ],
    }] }, 60_000);
    // asOf does not limit these; P is PENDING, so it counts for overlaps only.
    const conflicts = await dealConflicts(graph, '2020-01-01', TODAY);
    expect(brief(conflicts)).toEqual([
      ['SOURCED_AGAINST_REGISTRATION', 'c1', 'genai', ['A'], 'k0'],
      ['SOURCED_AGAINST_REGISTRATION', 'c1', 'genai', ['A'], 'k1'],
    ]);
    expect(conflicts[1]).toMatchObject({
      contribution: { id: 'k1', kind: 'SOURCED', date: '2026-05-10', partnerId: 'p2', engagementId: 'e1' }, engagementId: 'e1',
    });
    // Rejected later, A no longer protects anything.
    await reject('A', 'lapsed');
    expect(await dealConflicts(graph, '2020-01-01', TODAY)).toEqual([]);
  });

  it('both kinds at once: OVERLAPPING first', async () => {
    await register(reg('A', 'p1', 'c1', 'genai', '2026-05-01', { status: 'APPROVED' }));
    await register(reg('Z', 'p3', 'c1', 'genai', '2026-05-02'));
    await importEcosystem(graph, { engagements: [{ ...WORLD.engagements![0]!, contributions: [{ id: 'k1', partner: 'p2', kind: 'SOURCED', date: '2026-05-10' }] }] }, 60_000);
    expect(brief(await dealConflicts(graph, '2026-05-05', TODAY))).toEqual([
      ['OVERLAPPING_REGISTRATIONS', 'c1', 'genai', ['A', 'Z'], null],
      ['SOURCED_AGAINST_REGISTRATION', 'c1', 'genai', ['A'], 'k1'],
    ]);
  });
});

describe('the list', () => {
  it('pages by registeredOn, then id; filters; a PARTNER scope reads only its own', async () => {
    await register(reg('b', 'p1', 'c1', 'genai', '2026-01-02'));
    await register(reg('a', 'p2', 'c1', 'genai', '2026-01-02'));
    await register(reg('c', 'p1', 'c2', 'sap', '2026-01-01', { status: 'REJECTED', reason: 'no' }));
    await register(reg('d', 'p1', 'c1', 'sap', '2025-01-01'));
    const ids = async (scope: string | null, filter = {}) => (await dealRegistrationPage(graph, scope, filter, { first: 10 }, TODAY)).edges.map((e) => e.node.id);
    expect(await ids(null)).toEqual(['d', 'c', 'a', 'b']);
    expect(await ids('p1')).toEqual(['d', 'c', 'b']);
    expect(await ids('p2')).toEqual(['a']);
    expect(await ids('p2', { partnerId: 'p1' })).toEqual([]);
    expect(await ids(null, { partnerId: 'p1', customerId: 'c1' })).toEqual(['d', 'b']);
    expect(await ids(null, { customerId: 'c2' })).toEqual(['c']);
    expect(await ids(null, { status: 'REJECTED' })).toEqual(['c']);
    // Today is 2026-03-15: a and b (to 2026-04-02) are in force; d expired, c rejected.
    expect(await ids(null, { inForce: true })).toEqual(['a', 'b']);
    expect(await ids(null, { inForce: false })).toEqual(['d', 'c']);
    const first = await dealRegistrationPage(graph, null, {}, { first: 2 }, TODAY);
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await dealRegistrationPage(graph, null, {}, { first: 2, after: first.pageInfo.endCursor }, TODAY);
    expect(second.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('audit and events', () => {
  async function numbered(after: number) {
    while (await sequenceEvents(graph) > 0) { /* a backlog larger than one turn */ }
    return (await eventsAfter(graph, { after, limit: 1000 })).map((e) => ({ type: e.type, partners: e.partners, data: JSON.parse(e.data) as unknown }));
  }
  async function auditSince(at: number) {
    const rows = await graph.read<{ operation: string; ids: string[]; tokenId: string }>(
      'MATCH (a:AuditEntry) RETURN a.operation AS operation, a.ids AS ids, a.tokenId AS tokenId ORDER BY a.at, a.id');
    return rows.slice(at);
  }

  it('each write: one audit entry and its event, scoped to the registration\'s partner', async () => {
    await numbered(0); // the world's import.completed
    const start = await lastSequence(graph);
    const audits = (await auditSince(0)).length;
    await registerDeal(graph, reg('d', 'p1', 'c1', 'genai', '2026-01-01'), TODAY, { actor: PARTNER_P1, partnerId: 'p1' });
    await approve('d', 'first to register');
    await approve('d', 'first to register'); // the same decision again: audited, no event
    expect(await auditSince(audits)).toEqual([
      { operation: 'registerDeal', ids: ['d'], tokenId: 'tok_p1' },
      { operation: 'decideDealRegistration', ids: ['d'], tokenId: 'system' },
      { operation: 'decideDealRegistration', ids: ['d'], tokenId: 'system' },
    ]);
    expect(await numbered(start)).toEqual([
      { type: 'deal.registered', partners: ['p1'], data: {
        registrationId: 'd', partnerId: 'p1', customerId: 'c1', capabilityId: 'genai', registeredOn: '2026-01-01', expiresOn: '2026-04-01', status: 'PENDING',
      } },
      { type: 'deal.decided', partners: ['p1'], data: {
        registrationId: 'd', partnerId: 'p1', customerId: 'c1', from: 'PENDING', to: 'APPROVED', reason: 'first to register',
      } },
    ]);
    const partnerScoped = await eventsAfter(graph, { after: start, limit: 10, scope: 'p1' });
    expect(partnerScoped).toHaveLength(2);
    expect(await eventsAfter(graph, { after: start, limit: 10, scope: 'p2' })).toEqual([]);
  });

  it('a refused write records nothing', async () => {
    await register(reg('x', 'p4', 'c1', 'sap', '2026-01-01', { status: 'APPROVED' }));
    await register(reg('y', 'p1', 'c1', 'sap', '2026-01-05'));
    const before = await footprint();
    const version = async () => (await graph.read<{ v: number }>('MATCH (c:GraphChange) RETURN count(c) AS v'))[0]!.v;
    const v0 = await version();
    await expect(approve('y')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(register(reg('z', 'p2', 'c1', 'sap', '2026-01-03', { status: 'APPROVED' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(registerDeal(graph, reg('z', 'p2', 'c1', 'sap', '2026-01-03'), TODAY, { actor: PARTNER_P1, partnerId: 'p1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(register(reg('z', 'p2', 'nope', 'sap', '2026-01-03'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(approve('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(before);
    expect(await version()).toBe(v0);
    // A write changes the graph version.
    await reject('y', 'no');
    expect(await version()).toBe(v0 + 1);
  });
});
