/**
 * Webhook delivery survives the server and is shared by servers (issue 18): real API
 * processes (`api/main.ts`, as `npm start` runs it) on the test database, and a real
 * local receiver that checks every signature.
 *
 * - The receiver is down when the event is written; the process that tried is killed
 *   (SIGKILL); the receiver comes up and a new process delivers the event, with the
 *   event's id as `webhook-id`, once.
 * - The receiver holds a request without answering and the sending process is killed:
 *   the next process resends it (its lease ran out) with the same `webhook-id`.
 * - Two processes on one database and many writes through both: each event reaches each
 *   of two webhooks exactly once, in the order of the events.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySchema, type Graph } from '../../graph/db/index.ts';
import { EVENT_TYPES } from '../../graph/events/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { wipe } from '../support/graph.ts';
import { freePort, gql, openGraphAt, recordResults, startApi, succeeded, until, type ApiProcess } from './support.ts';

const OUTCOMES = Array.from({ length: 40 }, (_, i) => `o${i}`);
const WORLD: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: [{ id: 'p1', name: 'One', type: 'ISV' }],
  customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
  engagements: [{
    id: 'e1', name: 'One', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
    participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01' }],
    outcomes: OUTCOMES.map((id) => ({ id, description: id, status: 'PENDING' as const, dueDate: '2027-09-01', dependsOn: [] })),
  }],
};
const STATUSES = ['MET', 'MISSED', 'PARTIALLY_MET', 'PENDING'] as const;
const SET_OUTCOME = 'mutation($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id } }';
const CREATE = 'mutation($url: String!, $events: [String!]!) { createWebhook(url: $url, events: $events) { secret webhook { id } } }';

/** A receiver on a fixed port that checks each signature (Standard Webhooks) and answers 200, or holds the first requests. */
class Receiver {
  readonly ids: string[] = [];
  verified = true;
  private server: Server | null = null;
  private readonly held: ServerResponse[] = [];

  constructor(private readonly port: number, private readonly secret: () => string, private readonly hold = 0) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const [id, timestamp, header] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => String(req.headers[h] ?? ''));
        const expected = createHmac('sha256', Buffer.from(this.secret().replace(/^whsec_/, ''), 'base64'))
          .update(`${id}.${timestamp}.${Buffer.concat(chunks).toString('utf8')}`).digest();
        const given = Buffer.from(header!.replace(/^v1,/, ''), 'base64');
        this.verified &&= given.length === expected.length && timingSafeEqual(given, expected);
        this.ids.push(id!);
        if (this.ids.length <= this.hold) this.held.push(res);
        else res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
    this.server = null;
  }
}

let graph: Graph;
const apis: ApiProcess[] = [];
const receivers: Receiver[] = [];
const figures: Record<string, unknown> = {};

async function api(): Promise<ApiProcess> {
  const started = await startApi({
    NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: String(await freePort()), WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SCALE: '100',
  });
  apis.push(started);
  return started;
}

interface Hook { id: string; secret: string; events: readonly string[]; start: number }

async function createWebhook(on: ApiProcess, port: number, events: readonly string[] = EVENT_TYPES): Promise<Hook> {
  const reply = await gql(on.url, CREATE, { url: `http://127.0.0.1:${port}/hook`, events });
  expect(reply.codes, JSON.stringify(reply.body)).toEqual([]);
  const created = reply.body.data.createWebhook as { secret: string; webhook: { id: string } };
  // Where it starts: it receives the events numbered after this (its cursor moves on as it delivers).
  const [row] = await graph.read<{ cursor: number }>('MATCH (w:Webhook {id: $id}) RETURN w.cursor AS cursor', { id: created.webhook.id });
  return { id: created.webhook.id, secret: created.secret, events, start: row!.cursor };
}

async function setOutcome(on: ApiProcess, id: string, status: string): Promise<void> {
  const reply = await gql(on.url, SET_OUTCOME, { id, s: status });
  expect(succeeded(reply), JSON.stringify(reply.body)).toBe(true);
}

async function delivery(webhookId: string): Promise<{ eventId: string; attempts: number; delivered: boolean; lastStatus: number | null }[]> {
  return graph.read('MATCH (d:WebhookDelivery) WHERE d.webhookId = $id AND d.seq >= 0 RETURN d.eventId AS eventId, d.attempts AS attempts, d.delivered AS delivered, d.lastStatus AS lastStatus ORDER BY d.seq', { id: webhookId });
}

/** The events a webhook receives: of its types, numbered after its start, in order. */
async function eventIdsFor(hook: Hook): Promise<string[]> {
  const rows = await graph.read<{ id: string }>('MATCH (e:Event) WHERE e.seq > $start AND e.type IN $types RETURN e.id AS id ORDER BY e.seq', { start: hook.start, types: hook.events });
  return rows.map((r) => r.id);
}

function kill9(process: ApiProcess): Promise<unknown> {
  process.child.kill('SIGKILL');
  return process.exited;
}

beforeAll(async () => {
  graph = openGraphAt(inject('neo4jUri'));
  await applySchema(graph);
  await wipe(graph);
  await importEcosystem(graph, WORLD, 120_000);
}, 600_000);

afterAll(async () => {
  await Promise.all(apis.map((a) => a.stop()));
  await Promise.all(receivers.map((r) => r.stop()));
  await graph?.close();
  if (Object.keys(figures).length > 0) recordResults('webhooksProcesses', figures);
});

describe('webhook delivery across API processes', { timeout: 600_000 }, () => {
  it('the receiver down, the process killed after its attempt: a new process delivers the event once, with the same webhook-id', async () => {
    const port = await freePort();
    const first = await api();
    const hook = await createWebhook(first, port);
    await setOutcome(first, 'o0', 'MET');
    await until(async () => ((await delivery(hook.id))[0]?.attempts ?? 0) >= 1, 60_000);
    await kill9(first);
    const [before] = await delivery(hook.id);
    expect(before).toMatchObject({ delivered: false, lastStatus: null });

    const receiver = new Receiver(port, () => hook.secret);
    receivers.push(receiver);
    await receiver.start();
    const second = await api();
    const startedAt = Date.now();
    await until(async () => (await delivery(hook.id))[0]?.delivered === true, 180_000);
    figures.deliveredAfterRestartMs = Date.now() - startedAt;
    figures.attemptsBeforeKill = before!.attempts;
    const [after] = await delivery(hook.id);
    expect(receiver.ids).toEqual([before!.eventId]);
    expect(receiver.ids).toEqual(await eventIdsFor(hook));
    expect(receiver.verified).toBe(true);
    expect(after).toMatchObject({ delivered: true, lastStatus: 200, attempts: before!.attempts + 1 });
    await second.stop();
  });

  it('killed while the receiver holds the request: the next process sends it again with the same webhook-id', async () => {
    const port = await freePort();
    const sender = await api();
    const hook = await createWebhook(sender, port, ['outcome.status_changed']);
    const receiver = new Receiver(port, () => hook.secret, 1);
    receivers.push(receiver);
    await receiver.start();
    await setOutcome(sender, 'o1', 'MISSED');
    await until(() => receiver.ids.length === 1, 60_000);
    await kill9(sender);
    const next = await api();
    const startedAt = Date.now();
    await until(async () => (await delivery(hook.id))[0]?.delivered === true, 180_000);
    figures.resentAfterKillMs = Date.now() - startedAt;
    const eventIds = await eventIdsFor(hook);
    expect(eventIds).toHaveLength(1);
    expect(receiver.ids).toEqual([eventIds[0], eventIds[0]]);
    expect(receiver.verified).toBe(true);
    await next.stop();
  });

  it('two processes, many writes through both, the lease holder stopped half way: each event reaches each of two webhooks exactly once, in order', async () => {
    const [a, b] = [await api(), await api()];
    const ports = [await freePort(), await freePort()];
    const hooks = [await createWebhook(a, ports[0]!), await createWebhook(b, ports[1]!, ['outcome.status_changed'])];
    const pair = hooks.map((hook, i) => new Receiver(ports[i]!, () => hook.secret));
    receivers.push(...pair);
    await Promise.all(pair.map((r) => r.start()));

    // 8 writers, each on its own 5 outcomes, 25 writes each: through both processes in turn, then through one.
    const writes = async (through: (round: number) => ApiProcess, from: number) => Promise.all(Array.from({ length: 8 }, async (_, w) => {
      for (let round = from; round < from + 25; round++) {
        await setOutcome(through(round), OUTCOMES[w * 5 + (round % 5)]!, STATUSES[Math.floor(round / 5) % 4]!);
      }
    }));
    const started = Date.now();
    await writes((round) => (round % 2 === 0 ? a : b), 0);
    // The process holding the first webhook's lease (or, between two leases, the last to send for it; its id
    // names the pid) stops gracefully; the other goes on alone.
    const [holder] = await graph.read<{ owner: string | null }>(`MATCH (w:Webhook {id: $id})
      RETURN coalesce(w.leaseOwner, COLLECT { MATCH (d:WebhookDelivery) WHERE d.webhookId = w.id AND d.seq >= 0 AND d.lastSender IS NOT NULL
        RETURN d.lastSender ORDER BY d.seq DESC LIMIT 1 }[0]) AS owner`, { id: hooks[0]!.id });
    const stopping = holder?.owner?.split('/')[1] === String(b.pid) ? b : a;
    const survivor = stopping === a ? b : a;
    await stopping.stop();
    await writes(() => survivor, 25);
    const writtenMs = Date.now() - started;
    // Every event numbered (the processes' pumps do it within 100 ms), then what each webhook must get.
    await until(async () => (await graph.read('MATCH (e:UnsequencedEvent) RETURN e LIMIT 1')).length === 0, 60_000);
    const expected = await Promise.all(hooks.map(eventIdsFor));
    expect(expected[0]!.length).toBeGreaterThanOrEqual(398); // o0 and o1 may already hold their first status: no change, no event
    await until(async () => {
      const done = await Promise.all(hooks.map(async (h) => (await delivery(h.id)).every((d) => d.delivered)));
      return done.every(Boolean) && pair.every((r, i) => r.ids.length >= expected[i]!.length);
    }, 300_000);
    pair.forEach((receiver, i) => {
      expect(receiver.ids).toEqual(expected[i]); // each once, in order
      expect(receiver.verified).toBe(true);
    });
    // Who sent what: the stopped holder before it stopped, the other after.
    const senders = await graph.read<{ sender: string; n: number }>(
      'MATCH (d:WebhookDelivery) WHERE d.webhookId = $id RETURN d.lastSender AS sender, count(d) AS n ORDER BY n DESC', { id: hooks[0]!.id });
    expect(senders.map((s) => s.sender.split('/')[1]).sort()).toEqual([String(a.pid), String(b.pid)].sort());
    figures.twoProcesses = {
      writes: 400, writtenMs, allDeliveredMs: Date.now() - started, events: expected.map((e) => e.length), received: pair.map((r) => r.ids.length),
      firstWebhookDeliveriesBySender: senders.map((s) => s.n),
    };
  });
});
