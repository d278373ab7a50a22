/**
 * `npm run bench:webhooks`: what webhooks cost and how fast they go (issue 18's targets),
 * against the API as a child process (`api/main.ts`) on a local Neo4j, with a receiver
 * in this process that answers 200 at once.
 *
 * 1. Writes with and without a webhook: 8 writers send outcome status changes, each
 *    write after the last is answered; runs alternate (without, with, …), and the
 *    medians of the runs' mean write times are compared. Target: ≤ 1.1×.
 * 2. Event to receiver at 50 writes/s: one write every 20 ms for 30 s, each event timed
 *    from its `timestamp` (set in the writing transaction, before its commit) to its
 *    arrival. Target: p99 ≤ 1 s.
 * 3. 10,000 queued events: written while the API is stopped (a webhook waiting for them),
 *    then the API is started and the receiver counts them in. Target: ≥ 500 deliveries/s.
 *
 * Writes bench/WEBHOOKS.md; progress on stderr.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setOutcomeStatus } from '../graph/engagements/index.ts';
import { sequenceEvents } from '../graph/events/index.ts';
import { importEcosystem } from '../graph/import/index.ts';
import type { EcosystemInput, OutcomeStatus } from '../graph/model/index.ts';
import { startApiProcess, type ApiProcess } from './api-process.ts';
import { closeClient, dataOrError, graphqlBody, postGraphql } from './http-client.ts';
import { describeMachine } from './machine.ts';
import { neo4jVersion, startBenchServer } from './neo4j.ts';
import { median, percentile } from './stats.ts';

const TOKEN = 'bench-webhooks-admin-secret-0123456789';
const OUT = fileURLToPath(new URL('./WEBHOOKS.md', import.meta.url));
const ENGAGEMENTS = 20;
const OUTCOMES_PER = 60;
const WRITERS = 8;
const WRITES_PER_RUN = 100;
const RUNS = 6;
const RATE = 50;
const RATE_SECONDS = 30;
const QUEUED = 10_000;

const log = (line: string) => process.stderr.write(`[webhooks ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
const started = Date.now();
const loads = [loadavg()[0]!];

function world(): EcosystemInput {
  return {
    regions: [{ code: 'R1', name: 'Region' }],
    industries: [{ code: 'I1', name: 'Industry' }],
    partners: Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, name: `Partner ${i}`, type: 'ISV' as const })),
    customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
    engagements: Array.from({ length: ENGAGEMENTS }, (_, e) => ({
      id: `e${e}`, name: `Engagement ${e}`, customer: 'c1', status: 'ACTIVE' as const, startDate: '2026-01-01',
      participants: [{ partner: `p${e % 10}`, role: 'ORCHESTRATOR' as const, from: '2026-01-01' }],
      outcomes: Array.from({ length: OUTCOMES_PER }, (_, o) => ({
        id: `o${e}-${o}`, description: 'an outcome', status: 'PENDING' as const, dueDate: '2027-06-30', dependsOn: [],
      })),
    })),
  };
}

const OUTCOME_IDS = Array.from({ length: ENGAGEMENTS * OUTCOMES_PER }, (_, i) => `o${Math.floor(i / OUTCOMES_PER)}-${i % OUTCOMES_PER}`);
/** Each outcome's status now: every write flips it, so every write records one event. */
const status = new Map<string, OutcomeStatus>(OUTCOME_IDS.map((id) => [id, 'PENDING']));
const flip = (id: string): OutcomeStatus => {
  const next: OutcomeStatus = status.get(id) === 'PENDING' ? 'MET' : 'PENDING';
  status.set(id, next);
  return next;
};

/** Receives deliveries: arrival time by webhook-id, and each event's own timestamp. */
class Receiver {
  readonly arrivals = new Map<string, { at: number; eventAt: number }>();
  received = 0;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = Date.now();
        const id = String(req.headers['webhook-id']);
        this.received++;
        if (!this.arrivals.has(id)) this.arrivals.set(id, { at, eventAt: Date.parse((JSON.parse(Buffer.concat(chunks).toString()) as { timestamp: string }).timestamp) });
        res.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const SET_OUTCOME = 'mutation($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id } }';

async function gql<T>(api: ApiProcess, query: string, variables?: Record<string, unknown>): Promise<T> {
  return dataOrError<T>(await postGraphql(api.url, TOKEN, graphqlBody(query, variables)));
}

async function createWebhook(api: ApiProcess, url: string): Promise<string> {
  const data = await gql<{ createWebhook: { webhook: { id: string } } }>(api,
    'mutation($url: String!) { createWebhook(url: $url, events: ["outcome.status_changed"]) { webhook { id } } }', { url });
  return data.createWebhook.webhook.id;
}

async function deleteWebhook(api: ApiProcess, id: string): Promise<void> {
  await gql(api, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id });
}

async function write(api: ApiProcess, id: string): Promise<number> {
  const t = process.hrtime.bigint();
  await gql(api, SET_OUTCOME, { id, s: flip(id) });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** 8 writers, WRITES_PER_RUN each, one after another: the mean time of a write. */
async function writeRun(api: ApiProcess, offset: number): Promise<number> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
    for (let i = 0; i < WRITES_PER_RUN; i++) times.push(await write(api, OUTCOME_IDS[(offset + w * WRITES_PER_RUN + i) % OUTCOME_IDS.length]!));
  }));
  return times.reduce((a, b) => a + b, 0) / times.length;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const t = Date.now();
  while (!check()) {
    if (Date.now() - t > timeoutMs) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main(): Promise<void> {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1'; // the receiver is on 127.0.0.1
  const server = await startBenchServer({ pageCacheMb: 256 }, log);
  const receiver = new Receiver();
  await receiver.start();
  let api: ApiProcess | null = null;
  try {
    await importEcosystem(server.graph, world(), 300_000);
    api = await startApiProcess(server.uri, TOKEN);
    log(`API on ${api.url}, receiver on ${receiver.url}`);
    for (let i = 0; i < 2; i++) await writeRun(api, i * WRITERS * WRITES_PER_RUN); // warm-up: the times fall over the first runs

    // 1. Writes with and without a webhook, in pairs whose order alternates (ABBA), so a
    //    trend of the machine's load favours neither side.
    const without: number[] = [];
    const withHook: number[] = [];
    let offset = 2;
    const runWithout = async () => without.push(await writeRun(api!, offset++ * WRITERS * WRITES_PER_RUN));
    const runWith = async () => {
      const id = await createWebhook(api!, receiver.url);
      withHook.push(await writeRun(api!, offset++ * WRITERS * WRITES_PER_RUN));
      await deleteWebhook(api!, id);
    };
    for (let run = 0; run < RUNS; run++) {
      if (run % 2 === 0) { await runWithout(); await runWith(); } else { await runWith(); await runWithout(); }
      log(`pair ${run + 1}: mean write ${without.at(-1)!.toFixed(1)} ms without, ${withHook.at(-1)!.toFixed(1)} ms with a webhook`);
    }
    loads.push(loadavg()[0]!);

    // 2. Event to receiver at 50 writes/s.
    const hook = await createWebhook(api, receiver.url);
    receiver.arrivals.clear();
    const rateStart = Date.now();
    const total = RATE * RATE_SECONDS;
    const writes: Array<Promise<number>> = [];
    for (let i = 0; i < total; i++) {
      const due = rateStart + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      writes.push(write(api, OUTCOME_IDS[(i * 7) % OUTCOME_IDS.length]!));
    }
    const writeTimes = await Promise.all(writes);
    await until(() => receiver.arrivals.size >= total, 120_000);
    const latencies = [...receiver.arrivals.values()].map((a) => a.at - a.eventAt);
    const achievedRate = total / ((Date.now() - rateStart) / 1000);
    log(`${total} events at ${RATE}/s: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms to the receiver`);
    loads.push(loadavg()[0]!);

    // 3. 10,000 queued events, drained from a fresh start.
    await deleteWebhook(api, hook);
    await createWebhook(api, receiver.url);
    await api.stop();
    api = null;
    const queueStart = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < QUEUED) {
        const id = OUTCOME_IDS[next++ % OUTCOME_IDS.length]!;
        await setOutcomeStatus(server.graph, id, flip(id));
      }
    }));
    while (await sequenceEvents(server.graph) > 0) { /* numbered before the API starts: the drain is delivery only */ }
    log(`${QUEUED} events queued in ${((Date.now() - queueStart) / 1000).toFixed(1)} s with the API stopped`);
    receiver.arrivals.clear();
    receiver.received = 0;
    const apiStart = Date.now();
    api = await startApiProcess(server.uri, TOKEN);
    const listening = Date.now();
    await until(() => receiver.arrivals.size >= QUEUED, 600_000);
    const times = [...receiver.arrivals.values()].map((a) => a.at);
    const first = Math.min(...times);
    const last = Math.max(...times);
    const drainRate = QUEUED / ((last - first) / 1000);
    const fromListening = QUEUED / ((last - listening) / 1000);
    log(`drained ${QUEUED} in ${((last - first) / 1000).toFixed(1)} s: ${drainRate.toFixed(0)}/s (${fromListening.toFixed(0)}/s from listening); ${receiver.received - QUEUED} sent twice`);
    loads.push(loadavg()[0]!);

    const ratio = median(withHook) / median(without);
    // The machine is shared: each pair of neighbouring runs saw about the same load, so their ratio is the steadier figure.
    const pairRatio = median(withHook.map((w, i) => w / without[i]!));
    const machine = describeMachine(await neo4jVersion(server.graph), loads[0]!);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const md = `# Webhooks: cost and speed

\`npm run bench:webhooks\` (${new Date().toISOString().slice(0, 10)}): the API as a child process (\`api/main.ts\`) on a local Neo4j ${machine.neo4j},
a receiver in the benchmark process answering 204 at once over keep-alive, one webhook for \`outcome.status_changed\`.
${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; 1-minute load ${loads.map((l) => l.toFixed(2)).join(' → ')} (start → after each part):
other work shared the machine, so read the times as upper bounds.

| measure | target | result |
| --- | --- | --- |
| writes with a webhook / without (${RUNS} pairs of runs in alternating order after 2 warm-up runs, each ${WRITERS} writers × ${WRITES_PER_RUN} writes; the mean write time) | ≤ 1.1× | **${pairRatio.toFixed(2)}×** (median of the pairs' ratios; medians of the runs ${ms(median(withHook))} / ${ms(median(without))} = ${ratio.toFixed(2)}×; runs without ${without.map(ms).join(', ')}; with ${withHook.map(ms).join(', ')}) |
| event → receiver at ${RATE} writes/s for ${RATE_SECONDS} s (${total} events; from the event's timestamp, set before the commit) | p99 ≤ 1 s | **p99 ${percentile(latencies, 99)} ms**, p50 ${percentile(latencies, 50)} ms, max ${Math.max(...latencies)} ms (writes answered p50 ${ms(percentile(writeTimes, 50))}, p99 ${ms(percentile(writeTimes, 99))}; ${achievedRate.toFixed(1)} writes/s achieved) |
| ${QUEUED.toLocaleString('en-US')} queued events drained after a start | ≥ 500/s | **${drainRate.toFixed(0)} deliveries/s** (first to last delivery ${((last - first) / 1000).toFixed(1)} s; ${fromListening.toFixed(0)}/s counted from the API listening, ${((listening - apiStart) / 1000).toFixed(1)} s after its spawn; ${receiver.received - QUEUED} sent twice) |

How: the dispatcher reads the queue's head and the next events in batches of 500, sends them one after another on
one keep-alive connection (order), and records a batch (new deliveries, attempts, cursor, lease) in one transaction.
`;
    writeFileSync(OUT, md);
    process.stdout.write(md);
  } finally {
    await api?.stop();
    await receiver.stop();
    await closeClient();
    await server.dispose();
  }
}

await main();
