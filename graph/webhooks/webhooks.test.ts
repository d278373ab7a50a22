/**
 * Webhooks against a real Neo4j, without the API: what createWebhook accepts and
 * refuses (every problem at once, with its path), where a new webhook starts, that its
 * secret is given out once and never listed, delete, the deliveries page, redeliver, and
 * the dispatcher's database steps: one lease holder at a time under contention, an
 * expired lease taken over, a batch recorded only while the lease is held.
 */
import { describe, expect, it } from 'vitest';
import { eachTestFrom } from '../../tests/support/graph.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { Graph } from '../db/index.ts';
import { setOutcomeStatus } from '../engagements/index.ts';
import { lastSequence, sequenceEvents } from '../events/index.ts';
import { importEcosystem } from '../import/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import {
  claimWebhook, createWebhook, deleteWebhook, deliveryPage, dueWebhooks, listWebhooks, newDeliveries, pendingDeliveries,
  recordProgress, redeliver, type Progress,
} from './index.ts';

const STRICT = { allowPrivate: false };
const OPEN = { allowPrivate: true };
const PUBLIC_URL = 'https://93.184.215.14/hooks/ecomap';

const WORLD: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: [{ id: 'p1', name: 'One', type: 'ISV' }, { id: 'p2', name: 'Two', type: 'ISV' }],
  customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
  engagements: [{
    id: 'e1', name: 'One', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
    participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01' }],
    outcomes: ['o1', 'o2'].map((id) => ({ id, description: id, status: 'PENDING' as const, dueDate: '2026-09-01', dependsOn: [] })),
  }],
};

let graph: Graph;

eachTestFrom(WORLD, (opened) => { graph = opened; }, {
  // Numbered before each test: a new webhook starts after them.
  async then(g) { while (await sequenceEvents(g) > 0) { /* numbering */ } },
});

async function refused(work: Promise<unknown>): Promise<Array<{ path: string; message: string }>> {
  const err = await work.then(() => null, (e: unknown) => e as { code: string; problems?: Array<{ path: string; message: string }> });
  expect(err?.code).toBe('BAD_USER_INPUT');
  return err!.problems ?? [];
}

describe('createWebhook', () => {
  it('refuses what is not http or https, with the path url', async () => {
    for (const url of ['ftp://93.184.215.14/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '', '//93.184.215.14/x', `https://x.example/${'a'.repeat(3_000)}`]) {
      expect((await refused(createWebhook(graph, { url, events: ['role.assigned'] }, SYSTEM_ACTOR, OPEN))).map((p) => p.path), url).toEqual(['url']);
    }
  });

  it('refuses private, loopback, link-local, unique-local, unspecified and IPv4-mapped private addresses, also behind a name; allows them with allowPrivate', async () => {
    const privateUrls = [
      'http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/', 'http://172.16.0.9/', 'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data', 'http://0.0.0.0/', 'http://[::1]/', 'http://[fe80::1]/', 'http://[fd12::1]/',
      'http://[::]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:10.0.0.1]/', 'http://0x7f.1/', 'http://2130706433/',
    ];
    for (const url of privateUrls) {
      const problems = await refused(createWebhook(graph, { url, events: ['role.assigned'] }, SYSTEM_ACTOR, STRICT));
      expect(problems.map((p) => p.path), url).toEqual(['url']);
      expect(problems[0]!.message).toMatch(/private/);
    }
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]/']) {
      await expect(createWebhook(graph, { url, events: ['role.assigned'] }, SYSTEM_ACTOR, OPEN)).resolves.toMatchObject({ webhook: { url } });
    }
    await expect(createWebhook(graph, { url: PUBLIC_URL, events: ['role.assigned'] }, SYSTEM_ACTOR, STRICT)).resolves.toMatchObject({ webhook: { url: PUBLIC_URL } });
  });

  it('refuses unknown event types, an empty list and an unknown partner; every problem at once, in input order', async () => {
    expect(await refused(createWebhook(graph, { url: PUBLIC_URL, events: [] }, SYSTEM_ACTOR, STRICT))).toEqual([{ path: 'events', message: expect.any(String) }]);
    const problems = await refused(createWebhook(graph, {
      url: 'gopher://127.0.0.1/', events: ['outcome.status_changed', 'outcome.missed', 'role.assigned', 'ROLE.ASSIGNED'], partnerId: 'nobody',
    }, SYSTEM_ACTOR, STRICT));
    expect(problems.map((p) => p.path)).toEqual(['url', 'events[1]', 'events[3]', 'partnerId']);
    expect(problems[1]!.message).toContain('outcome.status_changed');
    // The empty string names no partner either: it is not "no partner".
    expect((await refused(createWebhook(graph, { url: PUBLIC_URL, events: ['role.ended'], partnerId: '' }, SYSTEM_ACTOR, STRICT))).map((p) => p.path)).toEqual(['partnerId']);
    expect(await listWebhooks(graph)).toEqual([]);
  });

  it('gives the secret out once (whsec_ and 32 bytes of base64), never lists it, and starts after the last numbered event', async () => {
    const start = await lastSequence(graph);
    const { webhook, secret } = await createWebhook(graph, { url: PUBLIC_URL, events: ['outcome.status_changed', 'outcome.status_changed'], partnerId: 'p1' }, SYSTEM_ACTOR, STRICT);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(webhook).toEqual({ id: expect.stringMatching(/^wh_/), url: PUBLIC_URL, events: ['outcome.status_changed'], partnerId: 'p1', active: true, createdAt: expect.any(String) });
    expect(await listWebhooks(graph)).toEqual([webhook]);
    expect(JSON.stringify(await listWebhooks(graph))).not.toContain(secret.slice(6));
    // Stored, since every delivery is signed with it.
    const [stored] = await graph.read<{ secret: string; cursor: number }>('MATCH (w:Webhook {id: $id}) RETURN w.secret AS secret, w.cursor AS cursor', { id: webhook.id });
    expect(stored).toEqual({ secret, cursor: start });
    const [audit] = await graph.read<{ ids: string[] }>("MATCH (a:AuditEntry {operation: 'createWebhook'}) RETURN a.ids AS ids");
    expect(audit!.ids).toEqual([webhook.id]);
  });
});

describe('delete, deliveries, redeliver', () => {
  it('delete stops a webhook once (its secret and pending deliveries go); unknown ids are false, NOT_FOUND or CONFLICT', async () => {
    const { webhook } = await createWebhook(graph, { url: PUBLIC_URL, events: ['outcome.status_changed'] }, SYSTEM_ACTOR, STRICT);
    await setOutcomeStatus(graph, 'o1', 'MET');
    await sequenceEvents(graph);
    const owner = 'test-owner';
    const claim = (await claimWebhook(graph, webhook.id, owner, 60_000))!;
    const fresh = await newDeliveries(graph, webhook.id, claim, claim.cursor, 10);
    expect(fresh.deliveries).toHaveLength(1);
    await recordProgress(graph, progress({ webhookId: webhook.id, owner, base: claim.sentSeq, cursor: fresh.cursor, created: fresh.deliveries, release: true }));
    const page = await deliveryPage(graph, webhook.id, { first: 10 });
    expect(page.edges[0]!.node).toMatchObject({ attempts: 0, delivered: false, lastStatus: null, lastAttemptAt: null, nextAttemptAt: expect.any(String) });

    expect(await deleteWebhook(graph, webhook.id, SYSTEM_ACTOR)).toBe(true);
    expect(await deleteWebhook(graph, webhook.id, SYSTEM_ACTOR)).toBe(false);
    expect(await deleteWebhook(graph, 'wh_nope', SYSTEM_ACTOR)).toBe(false);
    expect((await listWebhooks(graph))[0]!.active).toBe(false);
    expect((await deliveryPage(graph, webhook.id, { first: 10 })).edges[0]!.node.nextAttemptAt).toBeNull();
    const [stored] = await graph.read<{ secret: string | null }>('MATCH (w:Webhook {id: $id}) RETURN w.secret AS secret', { id: webhook.id });
    expect(stored!.secret).toBeNull();
    await expect(redeliver(graph, page.edges[0]!.node.id, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(redeliver(graph, 'whd_nope', SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deliveryPage(graph, 'wh_nope', { first: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deliveryPage(graph, webhook.id, { first: 10, after: 'bm90IG91cnM' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(deliveryPage(graph, webhook.id, { first: 10, after: Buffer.from('["x"]').toString('base64url') })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the dispatcher\'s steps', () => {
  it('one holder at a time: of many claims at once one wins; the lease is free again once released or expired', async () => {
    const { webhook } = await createWebhook(graph, { url: PUBLIC_URL, events: ['outcome.status_changed'] }, SYSTEM_ACTOR, STRICT);
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimWebhook(graph, webhook.id, `owner-${i}`, 60_000)));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    const winner = `owner-${claims.findIndex((c) => c !== null)}`;
    expect(await claimWebhook(graph, webhook.id, 'late', 60_000)).toBeNull();
    // The holder may claim again (a session of its own that failed).
    expect(await claimWebhook(graph, webhook.id, winner, 60_000)).not.toBeNull();
    await recordProgress(graph, progress({ webhookId: webhook.id, owner: winner, base: 0, release: true }));
    expect(await claimWebhook(graph, webhook.id, 'next', 1)).not.toBeNull();
    // A 1 ms lease has run out by now: a dead holder's lease is taken over.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await claimWebhook(graph, webhook.id, 'after-expiry', 60_000)).not.toBeNull();
    // The holder whose lease was taken over records nothing.
    expect((await recordProgress(graph, progress({ webhookId: webhook.id, owner: 'next', base: 0, cursor: 999, release: true }))).held).toBe(false);
    const [row] = await graph.read<{ cursor: number; leaseOwner: string }>('MATCH (w:Webhook {id: $id}) RETURN w.cursor AS cursor, w.leaseOwner AS leaseOwner', { id: webhook.id });
    expect(row).toEqual({ cursor: (await lastSequence(graph)), leaseOwner: 'after-expiry' });
  });

  it('materialises the webhook\'s events after its cursor in order, moves the cursor past the others, and queues what failed first', async () => {
    const { webhook } = await createWebhook(graph, { url: PUBLIC_URL, events: ['outcome.status_changed'], partnerId: 'p1' }, SYSTEM_ACTOR, STRICT);
    await setOutcomeStatus(graph, 'o1', 'MET');
    await importEcosystem(graph, { partners: [{ id: 'p3', name: 'Three', type: 'ISV' }] }); // import.completed: not for a partner's webhook
    await setOutcomeStatus(graph, 'o2', 'MISSED');
    await setOutcomeStatus(graph, 'o1', 'MISSED');
    while (await sequenceEvents(graph) > 0) { /* all numbered */ }
    expect(await dueWebhooks(graph, 'x')).toEqual([{ id: webhook.id, waitMs: 0 }]);

    const claim = (await claimWebhook(graph, webhook.id, 'x', 60_000))!;
    const first = await newDeliveries(graph, webhook.id, claim, claim.cursor, 2);
    expect(first.deliveries.map((d) => JSON.parse(d.body!).data.outcomeId)).toEqual(['o1', 'o2']);
    expect(first.cursor).toBe(first.deliveries[1]!.seq); // a full batch: the cursor stops at its last
    const second = await newDeliveries(graph, webhook.id, claim, first.cursor, 2);
    expect(second.deliveries.map((d) => JSON.parse(d.body!).data)).toEqual([{ outcomeId: 'o1', engagementId: 'e1', from: 'MET', to: 'MISSED' }]);
    expect(second.cursor).toBe(await lastSequence(graph));

    // o1 delivered, o2 failed (retry later), the third new: stored, due now.
    const [a, b] = first.deliveries;
    const at = new Date().toISOString();
    await recordProgress(graph, progress({
      webhookId: webhook.id, owner: 'x', base: claim.sentSeq, sentSeq: a!.seq, cursor: second.cursor, created: [...first.deliveries, ...second.deliveries],
      attempts: [{ id: a!.id, status: 204, at, delivered: true, retryInMs: null }, { id: b!.id, status: 500, at, delivered: false, retryInMs: 60_000 }],
      release: true,
    }));
    const queue = await pendingDeliveries(graph, webhook.id, a!.seq, 10);
    expect(queue.map((d) => [d.id, d.roundAttempts, d.waitMs > 50_000])).toEqual([[b!.id, 1, true], [second.deliveries[0]!.id, 0, false]]);
    // The head waits, so the webhook waits, whatever comes after it.
    const [due] = await dueWebhooks(graph, 'y');
    expect(due!.waitMs).toBeGreaterThan(50_000);
    const page = await deliveryPage(graph, webhook.id, { first: 2 });
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node.id)).toEqual([second.deliveries[0]!.id, b!.id]); // newest first
    expect(page.edges[1]!.node).toMatchObject({ attempts: 1, lastStatus: 500, delivered: false, nextAttemptAt: expect.any(String), lastAttemptAt: expect.any(String) });
    const rest = await deliveryPage(graph, webhook.id, { first: 2, after: page.pageInfo.endCursor });
    expect(rest.edges.map((e) => [e.node.id, e.node.delivered, e.node.nextAttemptAt])).toEqual([[a!.id, true, null]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    // Redelivering the delivered one puts the queue's start back before it: it is the head, due now.
    const again = await redeliver(graph, a!.id, SYSTEM_ACTOR);
    expect(again).toMatchObject({ id: a!.id, delivered: true, attempts: 1, nextAttemptAt: expect.any(String) });
    expect(await dueWebhooks(graph, 'y')).toEqual([{ id: webhook.id, waitMs: 0 }]);
    const reclaimed = (await claimWebhook(graph, webhook.id, 'y', 60_000))!;
    expect((await pendingDeliveries(graph, webhook.id, reclaimed.sentSeq, 10)).map((d) => d.id)).toEqual([a!.id, b!.id, second.deliveries[0]!.id]);
    // A holder that read its batch before the redelivery does not move the start past it.
    const recorded = await recordProgress(graph, progress({ webhookId: webhook.id, owner: 'y', base: a!.seq, sentSeq: 10_000 }));
    expect(recorded).toMatchObject({ held: true, lowered: true, sentSeq: a!.seq - 1 });
  });
});

function progress(p: Partial<Progress> & Pick<Progress, 'webhookId' | 'owner' | 'base'>): Progress {
  return { leaseMs: 60_000, sentSeq: null, cursor: null, created: [], attempts: [], dropped: [], gone: false, release: false, ...p };
}
