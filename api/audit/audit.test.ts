/** The audit trail: every successful write records who, what and when; ADMIN reads it. */
import { describe, expect, it } from 'vitest';
import { ADMIN, codes, useTestApp } from '../../tests/support/api.ts';
import { fixture } from '../../tests/support/fixture.ts';
import { makeTokens } from '../../tests/support/tokens.ts';

const LOG = `query($first: Int, $after: String, $filter: AuditFilter) { auditLog(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id at tokenId role partnerId operation ids idCount } } } }`;

const t = useTestApp(fixture);
const { gql } = t;

describe('auditLog', () => {
  it('records each write with its token, role, operation and ids, newest first; refused writes leave nothing', async () => {
    const tokens = await makeTokens(t.graph, ['p1']);
    const before = (await gql<{ auditLog: any }>(LOG, { first: 100 })).data!.auditLog.totalCount;

    expect((await gql('mutation { setOutcomeStatus(id: "o2", status: MET) { id } }')).errors).toBeUndefined();
    expect((await gql('mutation { assignRole(engagementId: "e2", partnerId: "p1", role: CONTRIBUTOR, from: "2026-03-01") { id } }')).errors).toBeUndefined();
    expect((await gql('mutation { setCommitmentStatus(id: "m1", status: DELIVERED) { id } }', undefined, tokens.partner.p1)).errors).toBeUndefined();
    expect(codes(await gql('mutation { setOutcomeStatus(id: "nope", status: MET) { id } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await gql('mutation { setOutcomeStatus(id: "o1", status: MET) { id } }', undefined, tokens.analyst))).toEqual(['FORBIDDEN']);

    const log = (await gql<{ auditLog: any }>(LOG, { first: 3 })).data!.auditLog;
    expect(log.totalCount).toBe(before + 3);
    const [last, middle, first] = log.edges.map((e: any) => e.node);
    expect(last).toMatchObject({ operation: 'setCommitmentStatus', ids: ['m1'], idCount: 1, role: 'PARTNER', partnerId: 'p1' });
    expect(last.tokenId).toMatch(/^tok_/);
    expect(middle).toMatchObject({ operation: 'assignRole', ids: ['e2', 'p1'], tokenId: 'env:ADMIN_TOKEN', role: 'ADMIN', partnerId: null });
    expect(first).toMatchObject({ operation: 'setOutcomeStatus', ids: ['o2'], tokenId: 'env:ADMIN_TOKEN' });
    expect(Date.parse(first.at)).toBeLessThanOrEqual(Date.parse(last.at));
    expect(Math.abs(Date.now() - Date.parse(last.at))).toBeLessThan(60_000);
  });

  it('imports and token changes are recorded too', async () => {
    const created = await gql<{ createApiToken: { id: string } }>('mutation { createApiToken(role: ANALYST, label: "audited") { id } }');
    const id = created.data!.createApiToken.id;
    await gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id });
    await gql('mutation($input: EcosystemInput!) { importEcosystem(input: $input) { partners } }', {
      input: { partners: [{ id: 'p9', name: 'Newcomer', type: 'ISV' }] },
    });
    const log = (await gql<{ auditLog: any }>(LOG, { first: 3 })).data!.auditLog.edges.map((e: any) => e.node);
    expect(log.map((e: any) => [e.operation, e.ids])).toEqual([['importEcosystem', ['p9']], ['revokeApiToken', [id]], ['createApiToken', [id]]]);
  });

  it('filters by operation and token, and pages', async () => {
    const only = (await gql<{ auditLog: any }>(LOG, { filter: { operations: ['assignRole'] } })).data!.auditLog;
    expect(only.edges.map((e: any) => e.node.operation)).toEqual(['assignRole']);
    const system = (await gql<{ auditLog: any }>(LOG, { filter: { tokenId: 'system' }, first: 100 })).data!.auditLog;
    expect(system.edges.every((e: any) => e.node.tokenId === 'system')).toBe(true);
    const page1 = (await gql<{ auditLog: any }>(LOG, { first: 2 })).data!.auditLog;
    const page2 = (await gql<{ auditLog: any }>(LOG, { first: 2, after: page1.pageInfo.endCursor })).data!.auditLog;
    const ids = [...page1.edges, ...page2.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(codes(await gql(LOG, { filter: { since: 'yesterday-ish' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('is for ADMIN only, and no operation edits or deletes it', async () => {
    const tokens = await makeTokens(t.graph, ['p1']);
    expect(codes(await gql(LOG, {}, tokens.analyst))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(LOG, {}, tokens.partner.p1))).toEqual(['FORBIDDEN']);
    const schema = await gql<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>('{ __schema { mutationType { fields { name } } } }', undefined, ADMIN);
    expect(schema.data!.__schema.mutationType.fields.map((f) => f.name).filter((n) => /audit/i.test(n))).toEqual([]);
  });
});
