/**
 * Webhooks end to end: the real app (its event pump and dispatcher) on the test
 * database, and real local HTTP receivers that check every request with a Standard
 * Webhooks verifier written here, independently of graph/webhooks/signing.ts. Retries
 * run on WEBHOOK_RETRY_SCALE=10000 (the whole schedule in about ten seconds); every
 * wait is on a condition, never a fixed sleep.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../tests/support/fixture.ts';
import { wipe } from '../../tests/support/graph.ts';
import { client, codes, startTestApp, type Gql } from '../../tests/support/api.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';
import { EVENT_TYPES } from '../../graph/events/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { RunningApp } from '../app.ts';

// ---------------------------------------------------------------------------------
// A receiver, and the verifier (Standard Webhooks, "Verifying webhooks")

interface Received {
  id: string;
  timestamp: number;
  body: string;
  type: string;
  data: Record<string, unknown>;
  /** The signature checked out with the webhook's secret. */
  verified: boolean;
  contentType: string;
  at: number;
}

/** What a receiver answers the n-th request (0-based): a status, or 'hang' (no answer until the test ends). */
type Answer = (request: Received, n: number) => number | 'hang';

/** Accepts a request when one `v1,` signature of the header matches, in constant time, and the timestamp is within 5 minutes. */
function verify(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((candidate) => {
    const [version, encoded] = candidate.split(',');
    if (version !== 'v1' || !encoded) return false;
    const given = Buffer.from(encoded, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

class Receiver {
  readonly requests: Received[] = [];
  secret = '';
  private readonly hanging: ServerResponse[] = [];
  private readonly server = createServer((req, res) => this.handle(req, res));

  constructor(private answer: Answer = () => 200) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  answerWith(answer: Answer): void {
    this.answer = answer;
  }

  /** The ids received, in arrival order. */
  ids(): string[] {
    return this.requests.map((r) => r.id);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => String(req.headers[name] ?? '');
      const parsed = JSON.parse(body) as { type: string; timestamp: string; data: Record<string, unknown> };
      const received: Received = {
        id: header('webhook-id'), timestamp: Number(header('webhook-timestamp')), body, type: parsed.type, data: parsed.data,
        verified: verify(this.secret, header('webhook-id'), header('webhook-timestamp'), body, header('webhook-signature')),
        contentType: header('content-type'), at: Date.now(),
      };
      const status = this.answer(received, this.requests.length);
      this.requests.push(received);
      if (status === 'hang') { this.hanging.push(res); return; }
      res.writeHead(status).end('ok');
    });
  }
}

// ---------------------------------------------------------------------------------

let app: RunningApp;
let gql: Gql;
let tokens: TestTokens;
const receivers: Receiver[] = [];

beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SCALE: '10000' });
  gql = client(app);
  await wipe(app.open.graph);
  await importEcosystem(app.open.graph, fixture(), 120_000);
  tokens = await makeTokens(app.open.graph, ['p1', 'p4']);
});

afterEach(async () => {
  // Each test's webhooks end with it: later tests' events are not sent to closed receivers.
  const listed = await gql<{ webhooks: Array<{ id: string; active: boolean }> }>('{ webhooks { id active } }');
  for (const w of listed.data!.webhooks.filter((x) => x.active)) await gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: w.id });
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

afterAll(async () => app?.close());

const CREATE = `mutation($url: String!, $events: [String!]!, $partnerId: ID) {
  createWebhook(url: $url, events: $events, partnerId: $partnerId) { secret webhook { id url events active createdAt partner { id } } } }`;
const DELIVERIES = `query($id: ID!, $first: Int, $after: String) { webhookDeliveries(webhookId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id eventId type attempts lastStatus lastAttemptAt nextAttemptAt delivered } } } }`;
const ALL_TYPES = [...EVENT_TYPES];

interface Delivery { id: string; eventId: string; type: string; attempts: number; lastStatus: number | null; lastAttemptAt: string | null; nextAttemptAt: string | null; delivered: boolean }

/** A started receiver with a webhook pointing at it. */
async function hooked(events: string[] = ALL_TYPES, partnerId?: string, answer?: Answer): Promise<{ receiver: Receiver; webhookId: string }> {
  const receiver = new Receiver(answer);
  receivers.push(receiver);
  const url = await receiver.start();
  const res = await gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(CREATE, { url, events, partnerId: partnerId ?? null });
  expect(res.errors).toBeUndefined();
  receiver.secret = res.data!.createWebhook.secret;
  return { receiver, webhookId: res.data!.createWebhook.webhook.id };
}

async function write(document: string, variables?: Record<string, unknown>): Promise<void> {
  const res = await gql(document, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
}

const setOutcome = (id: string, status: string) => write('mutation($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id } }', { id, s: status });
const setCommitment = (id: string, status: string) => write('mutation($id: ID!, $s: CommitmentStatus!) { setCommitmentStatus(id: $id, status: $s) { id } }', { id, s: status });

async function deliveries(webhookId: string, first = 100): Promise<Delivery[]> {
  const res = await gql<{ webhookDeliveries: { edges: Array<{ node: Delivery }> } }>(DELIVERIES, { id: webhookId, first });
  expect(res.errors).toBeUndefined();
  return res.data!.webhookDeliveries.edges.map((e) => e.node);
}

/** Waits until `check` holds (polling), or fails after `timeoutMs`. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The ids of the events numbered after `after`, in order, read from the outbox. */
async function eventIdsAfter(after: number): Promise<Array<{ id: string; type: string }>> {
  return app.open.graph.read('MATCH (e:Event) WHERE e.seq > $after RETURN e.id AS id, e.type AS type ORDER BY e.seq', { after });
}

/** Where a webhook started: it receives the events numbered after this. */
async function cursorOf(webhookId: string): Promise<number> {
  const [row] = await app.open.graph.read<{ cursor: number }>('MATCH (w:Webhook {id: $id}) RETURN w.cursor AS cursor', { id: webhookId });
  return row!.cursor;
}

describe('delivery', () => {
  it('sends each event signed, in order, with the event id as webhook-id and the exact body; a refused write sends nothing', async () => {
    const { receiver, webhookId } = await hooked();
    const start = await cursorOf(webhookId);
    await setOutcome('o2', 'MET');
    expect(codes(await gql('mutation { setOutcomeStatus(id: "nope", status: MET) { id } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await gql('mutation { setCommitmentStatus(id: "m1", status: DELIVERED) { id } }', undefined, tokens.partner.p4))).toEqual(['NOT_FOUND']);
    await setCommitment('m4', 'IN_PROGRESS');
    await setOutcome('o2', 'MISSED');
    await until('three deliveries', () => receiver.requests.length >= 3);

    const events = await eventIdsAfter(start);
    expect(events).toHaveLength(3);
    expect(receiver.ids()).toEqual(events.map((e) => e.id));
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
    expect(receiver.requests.every((r) => r.contentType === 'application/json')).toBe(true);
    expect(receiver.requests.map((r) => [r.type, r.data])).toEqual([
      ['outcome.status_changed', { outcomeId: 'o2', engagementId: 'e2', from: 'PENDING', to: 'MET' }],
      ['commitment.status_changed', { commitmentId: 'm4', engagementId: 'e4', ownerId: 'p4', from: 'PENDING', to: 'IN_PROGRESS' }],
      ['outcome.status_changed', { outcomeId: 'o2', engagementId: 'e2', from: 'MET', to: 'MISSED' }],
    ]);
    for (const r of receiver.requests) {
      expect(Object.keys(JSON.parse(r.body) as object)).toEqual(['type', 'timestamp', 'data']);
      expect(Math.abs(r.timestamp - Date.now() / 1000)).toBeLessThan(120);
    }
    // A signature made with another secret is refused by the same verifier.
    const other = receiver.requests[0]!;
    expect(verify('whsec_' + Buffer.alloc(32, 7).toString('base64'), other.id, String(other.timestamp), other.body, 'v1,AAAA')).toBe(false);

    // A batch is recorded once it is sent: the receiver may see it a moment before webhookDeliveries does.
    await until('recorded', async () => (await deliveries(webhookId)).filter((d) => d.delivered).length === 3);
    const shown = await deliveries(webhookId);
    expect(shown.map((d) => d.eventId)).toEqual(events.map((e) => e.id).reverse()); // newest first
    for (const d of shown) expect(d).toMatchObject({ attempts: 1, lastStatus: 200, delivered: true, nextAttemptAt: null, lastAttemptAt: expect.any(String) });
    await setOutcome('o2', 'PENDING'); // back as the fixture has it
  });

  it('500, then no answer within 15 s, then 200: retried with the same webhook-id; later events wait; a hung receiver delays no other webhook and no request', async () => {
    let hangStarted = 0;
    const { receiver, webhookId } = await hooked(['outcome.status_changed'], undefined, (_, n) => {
      if (n === 0) return 500;
      if (n === 1) { hangStarted = Date.now(); return 'hang'; }
      return 200;
    });
    const fast = await hooked(['outcome.status_changed']);
    await setOutcome('o2', 'MET');
    await until('the second attempt to hang', () => receiver.requests.length === 2);

    // While the attempt hangs: what webhookDeliveries shows, and other work goes on.
    const [pending] = await deliveries(webhookId);
    expect(pending).toMatchObject({ attempts: 1, lastStatus: 500, delivered: false, nextAttemptAt: expect.any(String), type: 'outcome.status_changed' });
    const writeStarted = Date.now();
    await setOutcome('o2', 'MISSED');
    const writeMs = Date.now() - writeStarted;
    await until('the other webhook to get both events', () => fast.receiver.requests.length === 2, 14_000);
    expect(Date.now() - hangStarted).toBeLessThan(15_000); // before the hung attempt even timed out
    expect(writeMs).toBeLessThan(5_000);
    expect(receiver.requests).toHaveLength(2); // the second event waits behind the first

    await until('both delivered and recorded, the first after the timeout', async () => {
      const shown = await deliveries(webhookId);
      return shown.length === 2 && shown.every((d) => d.delivered);
    }, 60_000);
    const [first, second] = await eventIdsAfter(0).then((all) => all.slice(-2));
    expect(receiver.ids()).toEqual([first!.id, first!.id, first!.id, second!.id]);
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
    expect(receiver.requests[2]!.at - hangStarted).toBeGreaterThanOrEqual(14_000);
    const shown = await deliveries(webhookId);
    expect(shown.map((d) => [d.eventId, d.attempts, d.lastStatus, d.delivered, d.nextAttemptAt])).toEqual([
      [second!.id, 1, 200, true, null],
      [first!.id, 3, 200, true, null],
    ]);
    await setOutcome('o2', 'PENDING');
  }, 120_000);

  it('410 disables the webhook: no more attempts, nothing more sent', async () => {
    const { receiver, webhookId } = await hooked(['outcome.status_changed'], undefined, () => 410);
    const witness = await hooked(['outcome.status_changed']);
    await setOutcome('o2', 'MET');
    await until('the webhook disabled', async () => {
      const res = await gql<{ webhooks: Array<{ id: string; active: boolean }> }>('{ webhooks { id active } }');
      return res.data!.webhooks.some((w) => w.id === webhookId && !w.active);
    });
    await setOutcome('o2', 'PENDING');
    await until('the witness to get both', () => witness.receiver.requests.length === 2);
    expect(receiver.requests).toHaveLength(1);
    expect(await deliveries(webhookId)).toEqual([expect.objectContaining({ attempts: 1, lastStatus: 410, delivered: false, nextAttemptAt: null })]);
  });

  it('gives a delivery up after the last attempt of the schedule (8), and moves on to the next event', async () => {
    const { receiver, webhookId } = await hooked(['outcome.status_changed'], undefined, (r) => (r.data.to === 'MET' ? 500 : 204));
    await setOutcome('o2', 'MET');
    await setOutcome('o2', 'PENDING');
    await until('the next event delivered', () => receiver.requests.some((r) => r.data.to === 'PENDING'), 90_000);
    expect(receiver.requests.map((r) => r.data.to)).toEqual([...Array<string>(8).fill('MET'), 'PENDING']);
    expect(new Set(receiver.ids().slice(0, 8)).size).toBe(1);
    // The schedule's growing delays (5 s, 5 min, 30 min, 2 h, … divided by 10,000): the last gap is the longest.
    const gaps = receiver.requests.slice(1, 8).map((r, i) => r.at - receiver.requests[i]!.at);
    expect(gaps[6]!).toBeGreaterThan(gaps[0]!);
    await until('recorded', async () => (await deliveries(webhookId)).every((d) => d.nextAttemptAt === null));
    expect((await deliveries(webhookId)).map((d) => [d.attempts, d.lastStatus, d.delivered, d.nextAttemptAt])).toEqual([
      [1, 204, true, null],
      [8, 500, false, null],
    ]);
  }, 120_000);

  it('redeliver sends the event again with the same webhook-id, as a new attempt; it is audited', async () => {
    const { receiver, webhookId } = await hooked(['commitment.status_changed']);
    await setCommitment('m4', 'DELIVERED');
    await until('delivered', () => receiver.requests.length === 1);
    await until('recorded', async () => (await deliveries(webhookId))[0]?.delivered === true);
    const [delivery] = await deliveries(webhookId);
    const res = await gql<{ redeliver: Delivery }>('mutation($id: ID!) { redeliver(deliveryId: $id) { id eventId attempts delivered nextAttemptAt } }', { id: delivery!.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.redeliver).toMatchObject({ id: delivery!.id, attempts: 1, delivered: true, nextAttemptAt: expect.any(String) });
    await until('sent again', () => receiver.requests.length === 2);
    expect(receiver.ids()).toEqual([delivery!.eventId, delivery!.eventId]);
    expect(receiver.requests[1]!.verified).toBe(true);
    await until('recorded again', async () => (await deliveries(webhookId))[0]!.attempts === 2);
    expect((await deliveries(webhookId))[0]).toMatchObject({ attempts: 2, lastStatus: 200, delivered: true, nextAttemptAt: null });

    const log = await gql<{ auditLog: { edges: Array<{ node: { operation: string; ids: string[] } }> } }>(
      '{ auditLog(first: 10, filter: {operations: ["createWebhook", "redeliver", "deleteWebhook"]}) { edges { node { operation ids } } } }');
    expect(log.data!.auditLog.edges.map((e) => e.node)).toContainEqual({ operation: 'redeliver', ids: [delivery!.id] });
    expect(log.data!.auditLog.edges.map((e) => e.node)).toContainEqual({ operation: 'createWebhook', ids: [webhookId] });
    expect(codes(await gql('mutation { redeliver(deliveryId: "whd_nope") { id } }'))).toEqual(['NOT_FOUND']);
    expect((await gql<{ deleteWebhook: boolean }>('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhookId })).data!.deleteWebhook).toBe(true);
    expect(codes(await gql('mutation($id: ID!) { redeliver(deliveryId: $id) { id } }', { id: delivery!.id }))).toEqual(['CONFLICT']);
    await setCommitment('m4', 'PENDING');
  });

  it('a partner\'s webhook gets only events in its scope, never import.completed; a webhook gets only its types', async () => {
    const scoped = await hooked(ALL_TYPES, 'p4');
    const typed = await hooked(['commitment.status_changed']);
    const all = await hooked();
    await setOutcome('o2', 'MET'); // e2: p2, p3
    await write('mutation($input: EcosystemInput!) { importEcosystem(input: $input) { partners } }', { input: { partners: [{ id: 'p9', name: 'Newcomer', type: 'ISV' }] } });
    await setCommitment('m4', 'IN_PROGRESS'); // e4: p4
    await setOutcome('o3', 'PENDING'); // e4
    await setCommitment('m2', 'DELIVERED'); // e1: p1, p2
    await write('mutation { assignRole(engagementId: "e4", partnerId: "p1", role: CONTRIBUTOR, from: "2026-05-01") { id } }'); // e4, now with p1
    await setCommitment('m4', 'DELIVERED'); // the last: once it arrived, everything before it has
    const last = (r: Receiver) => r.requests.some((x) => x.data.commitmentId === 'm4' && x.data.to === 'DELIVERED');
    await until('the last event everywhere', () => last(scoped.receiver) && last(typed.receiver) && last(all.receiver));

    const describe = (r: Receiver) => r.requests.map((x) => `${x.type} ${String(x.data.outcomeId ?? x.data.commitmentId ?? x.data.partnerId ?? x.data.source)}`);
    expect(describe(scoped.receiver)).toEqual([
      'commitment.status_changed m4', 'outcome.status_changed o3', 'role.assigned p1', 'commitment.status_changed m4',
    ]);
    expect(describe(typed.receiver)).toEqual(['commitment.status_changed m4', 'commitment.status_changed m2', 'commitment.status_changed m4']);
    expect(describe(all.receiver)).toEqual([
      'outcome.status_changed o2', 'import.completed null', 'commitment.status_changed m4', 'outcome.status_changed o3',
      'commitment.status_changed m2', 'role.assigned p1', 'commitment.status_changed m4',
    ]);
    for (const r of [scoped, typed, all]) expect(r.receiver.requests.every((x) => x.verified)).toBe(true);
    await setOutcome('o2', 'PENDING');
    const listed = await gql<{ webhooks: Array<{ id: string; partner: { id: string } | null; events: string[] }> }>('{ webhooks { id events partner { id } } }');
    expect(listed.data!.webhooks.find((w) => w.id === scoped.webhookId)!.partner).toEqual({ id: 'p4' });
    expect(listed.data!.webhooks.find((w) => w.id === typed.webhookId)).toMatchObject({ partner: null, events: ['commitment.status_changed'] });
  });

  it('webhookDeliveries pages newest first, with cursors', async () => {
    const { receiver, webhookId } = await hooked(['outcome.status_changed']);
    for (const status of ['MET', 'MISSED', 'PARTIALLY_MET', 'PENDING']) await setOutcome('o2', status);
    await until('four deliveries', () => receiver.requests.length === 4);
    await until('recorded', async () => (await deliveries(webhookId)).filter((d) => d.delivered).length === 4);
    const page = async (after?: string) => (await gql<{ webhookDeliveries: any }>(DELIVERIES, { id: webhookId, first: 3, after })).data!.webhookDeliveries;
    const one = await page();
    const two = await page(one.pageInfo.endCursor as string);
    expect(one.totalCount).toBe(4);
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect([...one.edges, ...two.edges].map((e: { node: Delivery }) => e.node.eventId)).toEqual([...receiver.ids()].reverse());
    expect(codes(await gql(DELIVERIES, { id: webhookId, first: 101 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(DELIVERIES, { id: webhookId, after: 'nonsense' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(DELIVERIES, { id: 'wh_nope' }))).toEqual(['NOT_FOUND']);
  });
});

describe('managing webhooks', () => {
  it('createWebhook lists every problem with its path; a private address is allowed here (WEBHOOK_ALLOW_PRIVATE=1) and refused by an app without it', async () => {
    const res = await gql(CREATE, { url: 'ftp://127.0.0.1/x', events: ['outcome.status_changed', 'outcome.missed'], partnerId: 'p0' });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions.problems!.map((p) => p.path)).toEqual(['url', 'events[1]', 'partnerId']);
    const created = await gql<{ createWebhook: { secret: string; webhook: { url: string; active: boolean; events: string[]; createdAt: string } } }>(
      CREATE, { url: 'http://localhost:9/hook', events: ['role.ended'] });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createWebhook.secret).toMatch(/^whsec_/);
    expect(created.data!.createWebhook.webhook).toMatchObject({ url: 'http://localhost:9/hook', active: true, events: ['role.ended'] });
    expect(Date.parse(created.data!.createWebhook.webhook.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const strict = await startTestApp({ WEBHOOK_RETRY_SCALE: '10000' });
    try {
      const refused = await client(strict)(CREATE, { url: 'http://127.0.0.1:9/hook', events: ['role.ended'] });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0]!.extensions.problems).toEqual([{ path: 'url', message: expect.stringMatching(/private/) }]);
    } finally {
      await strict.close();
    }
  });

  it('is ADMIN only: ANALYST and PARTNER tokens get FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const operations = [
      '{ webhooks { id } }',
      '{ webhookDeliveries(webhookId: "wh_x") { totalCount } }',
      'mutation { createWebhook(url: "http://127.0.0.1:9/", events: ["role.ended"]) { secret } }',
      'mutation { deleteWebhook(id: "wh_x") }',
      'mutation { redeliver(deliveryId: "whd_x") { id } }',
    ];
    for (const document of operations) {
      expect(codes(await gql(document, undefined, tokens.analyst)), document).toEqual(['FORBIDDEN']);
      expect(codes(await gql(document, undefined, tokens.partner.p1)), document).toEqual(['FORBIDDEN']);
      expect(codes(await gql(document, undefined, null)), document).toEqual(['UNAUTHENTICATED']);
    }
    const listed = await gql<{ webhooks: unknown[] }>('{ webhooks { id } }');
    expect(listed.data!.webhooks.length).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(await gql('{ webhooks { id url events active createdAt } }'))).not.toMatch(/whsec_/);
  });
});
