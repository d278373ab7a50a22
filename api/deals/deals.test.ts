/**
 * Deal registration over GraphQL (contract: Deal registration, Access): who may
 * register, decide and read, the README's worked example, the import's count and
 * attribution's flag. The fixture (tests/support/fixture.ts): e1 for c1 requires genai
 * and data; its k1 is p1's SOURCED touch on 2025-12-01.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codes, useTestApp } from '../../tests/support/api.ts';
import { fixture } from '../../tests/support/fixture.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';

const t = useTestApp(fixture);
const { gql } = t;
let tokens: TestTokens;

const REGISTER = `mutation($input: DealRegistrationInput!) { registerDeal(input: $input) {
  id partner { id name } customer { id name region { code } } capability { id name } registeredOn expiresOn status reason inForce } }`;
const DECIDE = `mutation($id: ID!, $status: DealRegistrationStatus!, $reason: String!) {
  decideDealRegistration(id: $id, status: $status, reason: $reason) { id status reason inForce } }`;
const LIST = `query($filter: DealRegistrationFilter, $first: Int, $after: String) { dealRegistrations(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id partner { id } status } } } }`;
const CONFLICTS = `query($asOf: Date) { dealConflicts(asOf: $asOf) {
  kind customer { id } capability { id } registrations { id partner { id } status } contribution { id kind date partner { id } } engagement { id name } } }`;

beforeAll(async () => {
  tokens = await makeTokens(t.graph, ['p1', 'p2', 'p3']);
});
beforeEach(async () => {
  await t.graph.write('MATCH (d:DealRegistration) DETACH DELETE d');
});

const input = (id: string, partner: string, more: Record<string, unknown> = {}) =>
  ({ id, partner, customer: 'c1', capability: 'genai', registeredOn: '2026-01-10', ...more });

describe('registerDeal and decideDealRegistration', () => {
  it('a PARTNER registers for its own partner, PENDING, with the 90-day default; for another partner it is FORBIDDEN', async () => {
    const own = await gql<{ registerDeal: any }>(REGISTER, { input: input('d1', 'p1') }, tokens.partner.p1);
    expect(own.errors).toBeUndefined();
    expect(own.data!.registerDeal).toEqual({
      id: 'd1', partner: { id: 'p1', name: 'Northwind Consulting' }, customer: { id: 'c1', name: 'Contoso Bank', region: { code: 'DE' } },
      capability: { id: 'genai', name: 'Generative AI' }, registeredOn: '2026-01-10', expiresOn: '2026-04-10', status: 'PENDING', reason: null,
      inForce: false,
    });
    expect(codes(await gql(REGISTER, { input: input('d2', 'p2') }, tokens.partner.p1))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(REGISTER, { input: input('d2', 'p1', { status: 'APPROVED' }) }, tokens.partner.p1))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(REGISTER, { input: input('d2', 'p2') }, tokens.analyst))).toEqual(['FORBIDDEN']);
    // A customer outside its engagements: registering a deal is how a partner claims one.
    const elsewhere = await gql<{ registerDeal: any }>(REGISTER, { input: input('d3', 'p1', { customer: 'c3' }) }, tokens.partner.p1);
    expect(elsewhere.data!.registerDeal.customer).toEqual({ id: 'c3', name: 'Woodgrove Trust', region: { code: 'US' } });
  });

  it('decisions are ADMIN\'s, need a reason, and name an existing registration', async () => {
    await gql(REGISTER, { input: input('d1', 'p1') });
    expect(codes(await gql(DECIDE, { id: 'd1', status: 'APPROVED', reason: 'ok' }, tokens.partner.p1))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(DECIDE, { id: 'd1', status: 'APPROVED', reason: 'ok' }, tokens.analyst))).toEqual(['FORBIDDEN']);
    const empty = await gql(DECIDE, { id: 'd1', status: 'APPROVED', reason: '' });
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors![0]!.extensions.problems).toEqual([{ path: 'reason', message: 'must not be empty' }]);
    expect(codes(await gql(DECIDE, { id: 'nope', status: 'APPROVED', reason: 'ok' }))).toEqual(['NOT_FOUND']);
    const bad = await gql(REGISTER, { input: input('d9', 'p1', { customer: 'c9', expiresOn: '2026-01-10' }) });
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', problems: [{ path: 'input.expiresOn', message: 'must be after registeredOn (2026-01-10)' }],
    });
    expect(codes(await gql(REGISTER, { input: input('d9', 'p1', { customer: 'c9' }) }))).toEqual(['BAD_USER_INPUT']);
  });

  it('the worked example: two overlapping registrations, the conflict, a decision', async () => {
    // Northwind (p1) and Lumen Labs (p2) both claim Contoso Bank (c1) for genai in the spring.
    await gql(REGISTER, { input: input('dr-1', 'p1', { registeredOn: '2026-03-01' }) }, tokens.partner.p1);
    await gql(REGISTER, { input: input('dr-2', 'p2', { registeredOn: '2026-03-15', expiresOn: '2026-05-01' }) }, tokens.partner.p2);
    const seen = await gql<{ dealConflicts: any[] }>(CONFLICTS, { asOf: '2026-03-20' }, tokens.analyst);
    expect(seen.data!.dealConflicts).toEqual([{
      kind: 'OVERLAPPING_REGISTRATIONS', customer: { id: 'c1' }, capability: { id: 'genai' },
      registrations: [{ id: 'dr-1', partner: { id: 'p1' }, status: 'PENDING' }, { id: 'dr-2', partner: { id: 'p2' }, status: 'PENDING' }],
      contribution: null, engagement: null,
    }]);
    // dr-1 has priority: approve it; approving dr-2 as well is refused, so it is rejected.
    expect((await gql<{ decideDealRegistration: any }>(DECIDE, { id: 'dr-1', status: 'APPROVED', reason: 'registered first' })).data!.decideDealRegistration)
      .toMatchObject({ id: 'dr-1', status: 'APPROVED', reason: 'registered first' });
    const refused = await gql(DECIDE, { id: 'dr-2', status: 'APPROVED', reason: 'also' });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.extensions.problems).toEqual([{ path: 'status', message: 'overlaps APPROVED registration dr-1 of another partner' }]);
    await gql(DECIDE, { id: 'dr-2', status: 'REJECTED', reason: 'Northwind registered first' });
    expect((await gql<{ dealConflicts: any[] }>(CONFLICTS, { asOf: '2026-03-20' })).data!.dealConflicts).toEqual([]);
  });
});

describe('dealRegistrations and dealConflicts', () => {
  it('a PARTNER token reads its own registrations only, totalCount included; dealConflicts is FORBIDDEN to it', async () => {
    await gql(REGISTER, { input: input('a', 'p1') });
    await gql(REGISTER, { input: input('b', 'p2') });
    await gql(REGISTER, { input: input('c', 'p1', { customer: 'c2', registeredOn: '2026-01-01' }) });
    const ids = async (token?: string, filter?: Record<string, unknown>) => {
      const res = await gql<{ dealRegistrations: any }>(LIST, { filter }, token);
      return [res.data!.dealRegistrations.totalCount, res.data!.dealRegistrations.edges.map((e: any) => e.node.id)];
    };
    expect(await ids()).toEqual([3, ['c', 'a', 'b']]);
    expect(await ids(tokens.partner.p1)).toEqual([2, ['c', 'a']]);
    expect(await ids(tokens.partner.p2)).toEqual([1, ['b']]);
    expect(await ids(tokens.partner.p2, { partnerId: 'p1' })).toEqual([0, []]);
    expect(await ids(tokens.partner.p3)).toEqual([0, []]);
    expect(await ids(tokens.analyst, { customerId: 'c1', status: 'PENDING' })).toEqual([2, ['a', 'b']]);
    expect(codes(await gql(CONFLICTS, {}, tokens.partner.p1))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(CONFLICTS, {}, tokens.analyst))).toEqual([]);
    expect(codes(await gql(LIST, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('SOURCED_AGAINST_REGISTRATION names the contribution and its engagement; attribution flags it beside the share', async () => {
    // p2's APPROVED registration covers 2025-11-01 .. 2026-01-01; p1's SOURCED k1 on 2025-12-01 falls in it.
    await gql(REGISTER, { input: input('r2', 'p2', { registeredOn: '2025-11-01', expiresOn: '2026-01-01', status: 'APPROVED', reason: 'signed' }) });
    const conflicts = (await gql<{ dealConflicts: any[] }>(CONFLICTS, { asOf: '2026-06-01' })).data!.dealConflicts;
    expect(conflicts).toEqual([{
      kind: 'SOURCED_AGAINST_REGISTRATION', customer: { id: 'c1' }, capability: { id: 'genai' },
      registrations: [{ id: 'r2', partner: { id: 'p2' }, status: 'APPROVED' }],
      contribution: { id: 'k1', kind: 'SOURCED', date: '2025-12-01', partner: { id: 'p1' } }, engagement: { id: 'e1', name: 'Claims copilot' },
    }]);
    const ATTRIBUTION = `{ attribution(engagementId: "e1", model: LINEAR) { partner { id } share sourcedConflicts { kind contribution { id } registrations { id } } } }`;
    const admin = await gql<{ attribution: any[] }>(ATTRIBUTION);
    expect(admin.data!.attribution).toEqual([
      { partner: { id: 'p1' }, share: 0.5, sourcedConflicts: [{ kind: 'SOURCED_AGAINST_REGISTRATION', contribution: { id: 'k1' }, registrations: [{ id: 'r2' }] }] },
      { partner: { id: 'p2' }, share: 0.5, sourcedConflicts: [] },
    ]);
    // p1 sees that its touch is disputed, not p2's registration.
    const p1 = await gql<{ attribution: any[] }>(ATTRIBUTION, undefined, tokens.partner.p1);
    expect(p1.data!.attribution[0]).toEqual({ partner: { id: 'p1' }, share: 0.5, sourcedConflicts: [{ kind: 'SOURCED_AGAINST_REGISTRATION', contribution: { id: 'k1' }, registrations: [] }] });
  });

  it('dealConflicts reads what is selected, in one statement, and answers as the full read does', async () => {
    // Both kinds: r2 (p2, APPROVED) holds p1's SOURCED k1; r3 (p3, PENDING) overlaps it on 2025-12-10.
    await gql(REGISTER, { input: input('r2', 'p2', { registeredOn: '2025-11-01', expiresOn: '2026-01-01', status: 'APPROVED', reason: 'signed' }) });
    await gql(REGISTER, { input: input('r3', 'p3', { registeredOn: '2025-12-05', expiresOn: '2026-02-01' }) });
    const FULL = `query($asOf: Date) { dealConflicts(asOf: $asOf) {
      kind customer { id name region { code } industry { code } } capability { id name }
      registrations { id partner { id name type } customer { id name } capability { id name } registeredOn expiresOn status reason inForce }
      contribution { id kind date amount partner { id } engagement { id } } engagement { id name status } } }`;
    const LEAN = `query($asOf: Date) { dealConflicts(asOf: $asOf) {
      kind customer { id } capability { id } registrations { id partner { id } status } contribution { id } engagement { id } } }`;
    const statements = async (query: string) => {
      const seen: string[] = [];
      t.graph.onStatement = (cypher) => seen.push(cypher);
      try {
        const res = await gql<{ dealConflicts: any[] }>(query, { asOf: '2025-12-10' }, tokens.analyst);
        expect(res.errors).toBeUndefined();
        return { conflicts: res.data!.dealConflicts, seen };
      } finally {
        t.graph.onStatement = null;
      }
    };
    const full = await statements(FULL);
    const lean = await statements(LEAN);
    expect(full.conflicts.map((c) => [c.kind, c.registrations.map((r: any) => r.id)])).toEqual([
      ['OVERLAPPING_REGISTRATIONS', ['r2', 'r3']], ['SOURCED_AGAINST_REGISTRATION', ['r2']],
    ]);
    expect(full.conflicts[1]).toMatchObject({
      customer: { id: 'c1', name: 'Contoso Bank', region: { code: 'DE' } }, capability: { id: 'genai', name: 'Generative AI' },
      registrations: [{ partner: { id: 'p2', name: expect.any(String) }, customer: { id: 'c1', name: 'Contoso Bank' }, capability: { id: 'genai', name: 'Generative AI' }, inForce: false, reason: 'signed' }],
      contribution: { id: 'k1', kind: 'SOURCED', partner: { id: 'p1' }, engagement: { id: 'e1' } }, engagement: { id: 'e1', name: 'Claims copilot' },
    });
    // The lean answer is the full one cut to its fields.
    expect(lean.conflicts).toEqual(full.conflicts.map((c) => ({
      kind: c.kind, customer: { id: c.customer.id }, capability: { id: c.capability.id },
      registrations: c.registrations.map((r: any) => ({ id: r.id, partner: { id: r.partner.id }, status: r.status })),
      contribution: c.contribution && { id: c.contribution.id }, engagement: c.engagement && { id: c.engagement.id },
    })));
    // One statement each: partners and engagements come with the conflicts. The lean one
    // reads no customer, capability or partner node, nor unselected properties.
    expect(lean.seen.filter((s) => s.includes('DealRegistration'))).toHaveLength(1);
    expect(lean.seen.length).toBeLessThanOrEqual(full.seen.length);
    const leanText = lean.seen.find((s) => s.includes('AGAINST'))!;
    for (const absent of ['LOCATED_IN', 'REGISTERED_BY', 'COVERS', 'd.reason', 'inForce', 't.amount', 'e.name']) expect(leanText).not.toContain(absent);
    const fullText = full.seen.find((s) => s.includes('AGAINST'))!;
    for (const present of ['LOCATED_IN', 'REGISTERED_BY', 'COVERS', 'd.reason', 't.amount', 'e.name']) expect(fullText).toContain(present);
  });

  it('importEcosystem carries dealRegistrations and counts them; problems have paths', async () => {
    const IMPORT = 'mutation($input: EcosystemInput!) { importEcosystem(input: $input) { partners dealRegistrations } }';
    const res = await gql<{ importEcosystem: any }>(IMPORT, { input: { dealRegistrations: [
      { id: 'i1', partner: 'p1', customer: 'c1', capability: 'genai', registeredOn: '2026-01-01' },
      { id: 'i2', partner: 'p2', customer: 'c2', capability: 'data', registeredOn: '2026-01-01', status: 'APPROVED', reason: 'ok' },
    ] } });
    expect(res.data!.importEcosystem).toEqual({ partners: 0, dealRegistrations: 2 });
    const bad = await gql(IMPORT, { input: { dealRegistrations: [{ id: 'i3', partner: 'p1', customer: 'c1', capability: 'nope', registeredOn: '2026-01-01' }] } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'dealRegistrations[0].capability', message: 'unknown capability "nope"' }] });
  });
});
