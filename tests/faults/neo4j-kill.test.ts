/**
 * The database dies under traffic (contract: Running, health; Errors, SERVICE_UNAVAILABLE).
 * A local Neo4j of its own, the API as a child process on it, writers and readers running;
 * then SIGKILL to the Java process. Requests must answer SERVICE_UNAVAILABLE within 2 s of
 * the kill and never hang, /healthz must say 503; once Neo4j is started again on the same
 * data directory and port, the same API process (not restarted) must answer again, and
 * every write it acknowledged, before the kill or after, must be in the graph.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../graph/access/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import { applySchema } from '../../graph/db/index.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/db/index.ts';
import { fixture } from '../support/fixture.ts';
import {
  freePort, gql, health, isAlive, openGraphAt, percentile, recordResults, sleep, startApi, succeeded, tempDir, until,
  type ApiProcess, type Reply,
} from './support.ts';

const WRITERS = 10;
const READERS = 5;
/** Fresh requests sent after the kill, one every 100 ms. */
const PROBES = 30;
const WRITE = 'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners } }';
const READ = '{ partners(first: 5) { totalCount edges { node { id name } } } engagement(id: "e1") { name orchestrator(asOf: "2026-05-01") { id } } }';

/**
 * One token per client, as separate integrations have: the API lets one token have only a
 * few requests in the works at once (api/server/token-gate.ts), so clients sharing one
 * token would queue behind each other, and this test is about the outage, not that queue.
 */
let writerTokens: string[];
let readerTokens: string[];
let probeTokens: string[];
let dataDir: string;
let boltPort: number;
let neo: LocalNeo4j;
let api: ApiProcess;

beforeAll(async () => {
  dataDir = tempDir('kill');
  boltPort = await freePort();
  neo = await startLocalNeo4j({ dataDir, boltPort, pageCacheMb: 128, heapMb: 1024 });
  const graph = openGraphAt(neo.uri);
  try {
    await applySchema(graph);
    await importEcosystem(graph, fixture(), 120_000); // setup, not under test: no 10 s budget on a cold server
    const tokens = async (role: 'ADMIN' | 'ANALYST', n: number, label: string) =>
      Promise.all(Array.from({ length: n }, async (_, i) => (await createToken(graph, role, null, `${label} ${i}`)).secret));
    writerTokens = await tokens('ADMIN', WRITERS, 'writer');
    readerTokens = await tokens('ANALYST', READERS, 'reader');
    probeTokens = await tokens('ANALYST', PROBES, 'probe');
  } finally {
    await graph.close();
  }
  api = await startApi({ NEO4J_URI: neo.uri, SEED: 'none', PORT: String(await freePort()), QUERY_TIMEOUT_MS: '10000' });
  // Warm up what the traffic runs (the first plans of a cold server take seconds).
  for (const [query, variables] of [[WRITE, { i: { partners: [{ id: 'warm', name: 'Warm', type: 'ISV' }] } }], [READ, undefined]] as const) {
    expect(succeeded(await gql(api.url, query, variables, { timeoutMs: 120_000 }))).toBe(true);
  }
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await neo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGKILL of the local Neo4j under traffic, then a restart', () => {
  it('answers SERVICE_UNAVAILABLE within 2 s, never hangs, recovers without an API restart, loses no acknowledged write', async () => {
    const replies: Array<Reply & { kind: 'write' | 'read'; id?: string }> = [];
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async (token: string) => {
      while (!stop) {
        const id = `ack-${n++}`;
        const reply = await gql(api.url, WRITE, { i: { partners: [{ id, name: `Acknowledged ${id}`, type: 'ISV' }] } }, { token, timeoutMs: 20_000 });
        replies.push({ ...reply, kind: 'write', id });
        if (succeeded(reply)) acknowledged.push(id);
        else await sleep(50);
      }
    };
    const reader = async (token: string) => {
      while (!stop) {
        const reply = await gql(api.url, READ, undefined, { token, timeoutMs: 20_000 });
        replies.push({ ...reply, kind: 'read' });
        if (!succeeded(reply)) await sleep(50);
      }
    };
    const traffic = [...writerTokens.map(writer), ...readerTokens.map(reader)];

    await until(() => acknowledged.length >= 100, 120_000);
    const ackedBeforeKill = acknowledged.length;

    // The kill.
    const killedAt = Date.now();
    process.kill(neo.pid, 'SIGKILL');
    // /healthz, polled as a load balancer would.
    let healthDownAt: number | null = null;
    const healthPoll = until(async () => {
      const h = await health(api.url, 5_000);
      if (h.status === 503) healthDownAt = Date.now();
      return h.status === 503;
    }, 30_000, 100);
    // Fresh requests every 100 ms for 3 s, each on its own (the loops above are all in flight at the kill).
    const probes: Array<Promise<void>> = [];
    for (let i = 0; i < PROBES; i++) {
      probes.push(gql(api.url, READ, undefined, { token: probeTokens[i]!, timeoutMs: 20_000 }).then((reply) => { replies.push({ ...reply, kind: 'read' }); }));
      await sleep(100);
    }
    await neo.exited;
    await healthPoll;

    // An outage of a few seconds under traffic.
    await sleep(6_000);
    const restartAt = Date.now();
    neo = await startLocalNeo4j({ dataDir, boltPort, pageCacheMb: 128, heapMb: 1024 });
    const neo4jBackAt = Date.now();
    // How long a fresh driver needs, for comparison with the API's own.
    const fresh = openGraphAt(neo.uri);
    const freshDriverIn = await until(() => fresh.read('RETURN 1 AS ok').then(() => true, () => false), 120_000, 100);
    await fresh.close();
    const healthBackIn = await until(async () => (await health(api.url, 5_000)).status === 200, 120_000, 100);
    const recoveredIn = await until(async () => succeeded(await gql(api.url, READ, undefined, { timeoutMs: 10_000 })), 120_000, 100);
    const recoveredAt = Date.now();
    const healthUp = await health(api.url);
    await sleep(3_000); // traffic on the recovered API
    stop = true;
    await Promise.all([...traffic, ...probes]);

    // The same API process answered throughout: it was never restarted.
    expect(isAlive(api.pid)).toBe(true);
    expect(api.child.exitCode).toBeNull();
    expect(healthUp.status).toBe(200);

    // Requests sent after the kill, before Neo4j was back: every one answered (no hang, no transport failure), SERVICE_UNAVAILABLE.
    const during = replies.filter((r) => r.sentAt >= killedAt && r.doneAt <= neo4jBackAt);
    const spanning = replies.filter((r) => r.sentAt >= killedAt && r.sentAt < neo4jBackAt);
    expect(during.length).toBeGreaterThan(20);
    expect(spanning.filter((r) => r.failure !== null).map((r) => r.failure)).toEqual([]);
    expect(spanning.filter((r) => r.status !== null && r.status >= 500 && r.status !== 503).map((r) => r.status)).toEqual([]);
    // Requests in flight at the kill: answered too, with a contract code (a write may have committed just before).
    const inFlight = replies.filter((r) => r.sentAt < killedAt && r.doneAt >= killedAt);
    expect(inFlight.filter((r) => r.failure !== null || r.codes.some((c) => c === 'INTERNAL_SERVER_ERROR')).map((r) => r.failure ?? r.codes.join())).toEqual([]);
    const unavailable = during.filter((r) => r.codes.length > 0 && r.codes.every((c) => c === 'SERVICE_UNAVAILABLE'));
    expect(during.filter((r) => !unavailable.includes(r)).map((r) => `${r.kind} ${r.status} ${r.codes.join(',')}`)).toEqual([]);
    const firstUnavailable = Math.min(...unavailable.map((r) => r.doneAt)) - killedAt;
    expect(firstUnavailable).toBeLessThanOrEqual(2_000);
    const outageLatencies = during.map((r) => r.doneAt - r.sentAt);
    // "No hangs": nothing waits on a dead database longer than the driver's fail-fast settings allow, give or take a busy machine.
    expect(Math.max(...outageLatencies)).toBeLessThan(10_000);
    expect(percentile(outageLatencies, 95)).toBeLessThanOrEqual(2_000);
    expect(healthDownAt! - killedAt).toBeLessThanOrEqual(2_000 + 100); // the 2 s, plus one poll interval

    // After the recovery everything succeeds again.
    const after = replies.filter((r) => r.sentAt >= recoveredAt);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((r) => !succeeded(r)).map((r) => `${r.kind} ${r.status} ${r.codes.join(',')} ${r.failure ?? ''}`)).toEqual([]);

    // Every acknowledged write is in the graph.
    const graph = openGraphAt(neo.uri);
    try {
      const rows = await graph.read<{ id: string }>('MATCH (p:Partner) WHERE p.id IN $ids RETURN p.id AS id', { ids: acknowledged });
      const found = new Set(rows.map((r) => r.id));
      expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
      // Audit entries commit with their write: one per acknowledged import (the seed's included).
      const [audit] = await graph.read<{ n: number }>("MATCH (a:AuditEntry {operation: 'importEcosystem'}) RETURN count(a) AS n");
      expect(audit!.n).toBeGreaterThanOrEqual(acknowledged.length + 2);
    } finally {
      await graph.close();
    }

    const figures = {
      writersAndReaders: `${WRITERS} + ${READERS}`,
      acknowledgedBeforeKill: ackedBeforeKill,
      acknowledgedInAll: acknowledged.length,
      acknowledgedLost: 0,
      firstServiceUnavailableMs: firstUnavailable,
      healthz503Ms: healthDownAt! - killedAt,
      requestsInFlightAtKill: inFlight.length,
      requestsDuringOutage: during.length,
      outageLatencyP50Ms: percentile(outageLatencies, 50),
      outageLatencyP95Ms: percentile(outageLatencies, 95),
      outageLatencyMaxMs: Math.max(...outageLatencies),
      outageSeconds: Math.round((neo4jBackAt - killedAt) / 100) / 10,
      neo4jRestartMs: neo4jBackAt - restartAt,
      freshDriverAfterNeo4jMs: freshDriverIn,
      healthz200AfterNeo4jMs: freshDriverIn + healthBackIn,
      firstReadAfterNeo4jMs: freshDriverIn + healthBackIn + recoveredIn,
      requestsAfterRecovery: after.length,
    };
    recordResults('neo4jKill', figures);
    console.log('[neo4j-kill]', figures);
  }, 600_000);
});
