/**
 * Subscription.events over graphql-ws against the real app and database: a write's
 * events arrive live, in order, within the token's scope; bad connections and bad
 * subscriptions get the contract's codes; a revoked token's subscription ends.
 * Every wait is on a condition (an event arriving, a socket closing).
 */
import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createToken, revokeToken } from '../../graph/access/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { ADMIN, codes, useTestApp } from '../../tests/support/api.ts';

const world = (): EcosystemInput => ({
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: ['pa', 'pb', 'pc'].map((id) => ({ id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR' as const })),
  customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
  engagements: [
    {
      id: 'ea', name: 'A', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
      participants: [{ partner: 'pa', role: 'ORCHESTRATOR', from: '2026-01-01' }],
      commitments: [{ id: 'ma', owner: 'pa', description: 'ma', status: 'PENDING', dueDate: '2026-06-01', dependsOn: [] }],
      outcomes: [{ id: 'oa', description: 'oa', status: 'PENDING', dueDate: '2026-09-01', dependsOn: ['ma'] }],
    },
    {
      id: 'eb', name: 'B', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
      participants: [{ partner: 'pb', role: 'ORCHESTRATOR', from: '2026-01-01' }],
      outcomes: [{ id: 'ob', description: 'ob', status: 'PENDING', dueDate: '2026-09-01', dependsOn: [] }],
    },
  ],
});

const t = useTestApp(world);
const clients: Client[] = [];
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.dispose())); });

function connect(token: string | null, onClose?: (code: number) => void): Client {
  const client = createClient({
    url: `${t.app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // The close code is what the tests look at (on.closed); the client would also print it.
    onNonLazyError: () => {},
    on: { closed: (event) => onClose?.((event as { code: number }).code) },
  });
  clients.push(client);
  return client;
}

interface Received { data?: { events: { id: string; type: string; timestamp: string; data: string } }; errors?: Array<{ message: string; extensions?: { code?: string; problems?: unknown } }> }

/**
 * Waits until every committed event is numbered and handed on by the pump, so a
 * subscription made now gets exactly the events of writes made from now on.
 */
async function settled(): Promise<void> {
  await expect.poll(async () => {
    const [row] = await t.graph.read<{ waiting: number; last: number }>(
      "MATCH (e:UnsequencedEvent) WITH count(e) AS waiting OPTIONAL MATCH (s:GraphState {key: 'events'}) RETURN waiting, coalesce(s.seq, 0) AS last");
    return row!.waiting === 0 && t.app.events.seen >= row!.last;
  }, { timeout: 30_000, interval: 20 }).toBe(true);
}

/** Subscribes and collects what arrives; `until` resolves once `count` results came or the subscription ended. */
function subscribe(client: Client, types: string[] | null = null, count = 1) {
  const got: Received[] = [];
  let done!: () => void;
  const until = new Promise<void>((resolve) => { done = resolve; });
  const listening = t.app.events.listeners;
  client.subscribe<Received['data']>(
    { query: 'subscription Live($types: [String!]) { events(types: $types) { id type timestamp data } }', variables: { types } },
    { next: (r) => { got.push(r as Received); if (got.length >= count) done(); }, error: (e) => { got.push({ errors: Array.isArray(e) ? e : [e as never] }); done(); }, complete: () => done() },
  );
  // Registered once the pump has one more listener: events from then on reach it.
  const started = async () => {
    await expect.poll(() => t.app.events.listeners, { timeout: 30_000, interval: 20 }).toBeGreaterThan(listening);
  };
  return { got, until, started };
}

const setOutcome = (id: string, status: string, token: string = ADMIN) =>
  t.gql('mutation S($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id } }', { id, s: status }, token);

describe('Subscription.events', () => {
  it('a write\'s event arrives live with its data; types filter', async () => {
    await settled();
    const all = subscribe(connect(ADMIN), null, 2);
    await all.started();
    const roles = subscribe(connect(ADMIN), ['role.assigned']);
    await roles.started();
    expect(codes(await setOutcome('oa', 'MISSED'))).toEqual([]);
    expect(codes(await t.gql(`mutation { assignRole(engagementId: "ea", partnerId: "pc", role: CONTRIBUTOR, from: "2026-02-01") { id } }`))).toEqual([]);
    await Promise.all([all.until, roles.until]);
    expect(all.got.map((r) => r.data?.events.type)).toEqual(['outcome.status_changed', 'role.assigned']);
    const first = all.got[0]!.data!.events;
    expect(JSON.parse(first.data)).toEqual({ outcomeId: 'oa', engagementId: 'ea', from: 'PENDING', to: 'MISSED' });
    expect(first.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(roles.got.map((r) => JSON.parse(r.data!.events.data))).toEqual([
      { engagementId: 'ea', partnerId: 'pc', role: 'CONTRIBUTOR', from: '2026-02-01', to: null },
    ]);
  });

  it('a PARTNER token gets only events of engagements it takes part in, never an import\'s', async () => {
    const { secret } = await createToken(t.graph, 'PARTNER', 'pb', 'live test');
    await settled();
    const partner = subscribe(connect(secret), null, 1);
    await partner.started();
    const admin = subscribe(connect(ADMIN), null, 3);
    await admin.started();
    await setOutcome('oa', 'MET');
    expect(codes(await t.gql('mutation I($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }', { i: { partners: [{ id: 'pd', name: 'D', type: 'ISV' }] } }))).toEqual([]);
    await setOutcome('ob', 'MET');
    await Promise.all([partner.until, admin.until]);
    expect(admin.got.map((r) => r.data!.events.type)).toEqual(['outcome.status_changed', 'import.completed', 'outcome.status_changed']);
    expect(partner.got.map((r) => JSON.parse(r.data!.events.data).outcomeId)).toEqual(['ob']);
  });

  it('without a valid token the connection is refused (4403); an unknown type is BAD_USER_INPUT with its path', async () => {
    const closed = await new Promise<number>((resolve) => { connect('not-a-token', resolve); });
    expect(closed).toBe(4403);
    const none = await new Promise<number>((resolve) => { connect(null, resolve); });
    expect(none).toBe(4403);
    const bad = subscribe(connect(ADMIN), ['outcome.status_changed', 'outcome.exploded']);
    await bad.until;
    expect(bad.got[0]!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'types[1]' }] });
  });

  it('the operation limits apply as over HTTP', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ');
    const client = connect(ADMIN);
    const result = await new Promise<Received>((resolve) => {
      client.subscribe({ query: `subscription { events { id } ${aliases} }` }, { next: (r) => resolve(r as Received), error: (e) => resolve({ errors: e as never }), complete: () => {} });
    });
    expect(result.errors?.[0]?.extensions?.code).toBeDefined();
    expect(['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(result.errors![0]!.extensions!.code);
  });

  it('over HTTP, a subscription is refused with a pointer to graphql-ws', async () => {
    const res = await t.gql('subscription { events { id } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toContain('graphql-ws');
  });

  it('a revoked token\'s subscription ends with UNAUTHENTICATED at its next event', async () => {
    const { tokenId: id, secret } = await createToken(t.graph, "PARTNER", "pa", "to revoke");
    const live = subscribe(connect(secret), null, 1);
    await live.started();
    await revokeToken(t.graph, id);
    // The authenticator keeps a found token a few seconds: changes keep coming until it looks again.
    // Spaced writes (not a wait for anything) until the token is looked up again.
    let n = 0;
    while (!live.got.some((r) => r.errors)) {
      await setOutcome('oa', n++ % 2 ? 'MET' : 'MISSED');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(live.got.at(-1)!.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  }, 60_000);
});
