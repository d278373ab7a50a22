/**
 * SIGTERM during traffic (contract: Running, stop): the API as `npm start` runs it, in the
 * embedded mode (its own Neo4j on DATA_DIR), with writers and readers on keep-alive
 * connections and a large import in flight. Every request sent before the signal is
 * answered in full; every later one is refused cleanly (503 SERVICE_UNAVAILABLE on an open
 * connection, or a refused connection), none is cut; the process exits 0 and its Neo4j is
 * gone. The next start on the same DATA_DIR finds every acknowledged write.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../../graph/import/index.ts';
import { generateEcosystem } from '../../seeds/generate.ts';
import { fixture } from '../support/fixture.ts';
import {
  freePort, gql, isAlive, neo4jPidFor, openGraphAt, recordResults, sleep, startApi, succeeded, tempDir, until,
  type ApiProcess, type Reply,
} from './support.ts';

const WRITERS = 20;
const READERS = 5;
const WRITE = 'mutation($i: EcosystemInput!) { importEcosystem(input: $i) { partners engagements } }';
const READ = '{ partners(first: 10) { totalCount edges { node { id name } } } engagement(id: "e1") { name roleHistory { partner { id } role from } } }';
const BIG = generateEcosystem({ partners: 150, engagements: 1_500, seed: 3 });

let dataDir: string;
let env: Record<string, string>;
let api: ApiProcess;
let javaPid: number;

beforeAll(async () => {
  dataDir = tempDir('shutdown');
  const boltPort = await freePort();
  env = { DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), PORT: String(await freePort()), SEED: 'none', QUERY_TIMEOUT_MS: '60000' };
  api = await startApi(env);
  javaPid = neo4jPidFor(dataDir)!;
  expect(javaPid).toBeGreaterThan(0);
  const graph = openGraphAt(`bolt://127.0.0.1:${boltPort}`);
  try {
    await importEcosystem(graph, fixture(), 120_000); // setup, not under test
  } finally {
    await graph.close();
  }
  for (const [query, variables] of [[WRITE, { i: { partners: [{ id: 'warm', name: 'Warm', type: 'ISV' }] } }], [READ, undefined]] as const) {
    expect(succeeded(await gql(api.url, query, variables, { timeoutMs: 120_000 }))).toBe(true);
  }
}, 600_000);

afterAll(async () => {
  await api?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The answer a server that stopped taking requests gives (api/server/http.ts): 503, SERVICE_UNAVAILABLE, "shutting down". */
function refusedForShutdown(r: Reply): boolean {
  return r.status === 503 && r.codes.length === 1 && r.codes[0] === 'SERVICE_UNAVAILABLE' && JSON.stringify(r.body).includes('shutting down');
}

describe('SIGTERM during traffic', () => {
  it('finishes what is in flight, refuses the rest cleanly, exits 0 with Neo4j stopped; the next start has every acknowledged write', async () => {
    const replies: Array<Reply & { kind: string; id: string }> = [];
    const acknowledged: string[] = [];
    let exited = false;
    let n = 0;
    // Each client keeps going until the server is gone: a refused connection, or the process has exited.
    const client = (kind: 'write' | 'read') => async () => {
      while (!exited) {
        const id = `g-${n++}`;
        const reply = kind === 'write'
          ? await gql(api.url, WRITE, { i: { partners: [{ id, name: `Acknowledged ${id}`, type: 'MSP' }] } }, { timeoutMs: 120_000 })
          : await gql(api.url, READ, undefined, { timeoutMs: 120_000 });
        replies.push({ ...reply, kind, id });
        if (kind === 'write' && succeeded(reply)) acknowledged.push(id);
        if (reply.failure === 'ECONNREFUSED') return;
        if (!succeeded(reply)) await sleep(20);
      }
    };
    const traffic = [...Array.from({ length: WRITERS }, client('write')), ...Array.from({ length: READERS }, client('read'))];
    await until(() => acknowledged.length >= 50, 120_000);

    // A large import in flight when the signal comes.
    const big = gql(api.url, WRITE, { i: BIG }, { timeoutMs: 300_000 });
    await sleep(1_000);
    const sigtermAt = Date.now();
    process.kill(api.pid, 'SIGTERM');
    const exit = await api.exited;
    const exitedAt = Date.now();
    exited = true;
    const bigReply = await big;
    await Promise.all(traffic);

    expect(exit, api.output()).toEqual({ code: 0, signal: null });
    expect(api.output()).toMatch(/SIGTERM: finishing requests in flight/);
    expect(api.output()).toMatch(/Stopped\./);
    // Its Neo4j stopped with it, cleanly (the launcher's shutdown hook ran) and is gone.
    expect(isAlive(javaPid)).toBe(false);
    expect(neo4jPidFor(dataDir)).toBeNull();

    // Sent before the signal: every one answered, successfully, the large import included;
    // except a request still on its way when the signal was handled (sent just before kill(),
    // read by the server after it: on a loaded machine, found in a full fault run). That one
    // was never taken: it is refused like a later one, with the shutdown's own 503, and a
    // refused write is not carried out (checked after the restart). A 503 for any other
    // reason (the database gone under a request in flight) still fails here.
    const before = replies.filter((r) => r.sentAt < sigtermAt);
    const arrivedLate = before.filter(refusedForShutdown);
    const inFlight = before.filter((r) => r.doneAt >= sigtermAt && !arrivedLate.includes(r));
    expect(before.filter((r) => !succeeded(r) && !arrivedLate.includes(r)).map((r) => `${r.kind} ${r.status} ${r.failure ?? r.codes.join(',')}`)).toEqual([]);
    expect(inFlight.filter(succeeded).length).toBeGreaterThan(0);
    expect(succeeded(bigReply), JSON.stringify(bigReply.body).slice(0, 500)).toBe(true);
    expect(bigReply.doneAt).toBeGreaterThan(sigtermAt);
    // Sent after it: refused cleanly, never cut off mid-way.
    const after = replies.filter((r) => r.sentAt >= sigtermAt);
    const unavailable = after.filter(refusedForShutdown);
    const refused = after.filter((r) => r.failure === 'ECONNREFUSED');
    // A request sent just after kill() but read before the signal is handled is simply answered.
    // A connection the closing server resets before reading from it (its listen backlog, or a
    // keep-alive socket closed as the request left) got no answer: that request must not have
    // been carried out, which the restart below checks for every such write.
    const reset = after.filter((r) => r.failure === 'ECONNRESET' || r.failure === 'UND_ERR_SOCKET');
    const cut = after.filter((r) => !succeeded(r) && !unavailable.includes(r) && !refused.includes(r) && !reset.includes(r));
    expect(cut.map((r) => `${r.kind} ${r.status} ${r.failure ?? r.codes.join(',')}`)).toEqual([]);

    // The next start on the same DATA_DIR: every acknowledged write is there, the large import whole.
    const restartedAt = Date.now();
    api = await startApi(env);
    const restartMs = Date.now() - restartedAt;
    const graph = openGraphAt(`bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`);
    try {
      const rows = await graph.read<{ id: string }>('MATCH (p:Partner) WHERE p.id IN $ids RETURN p.id AS id', { ids: acknowledged });
      const found = new Set(rows.map((r) => r.id));
      expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
      // Writes that were reset without an answer were not carried out.
      const resetWrites = [...reset, ...arrivedLate].filter((r) => r.kind === 'write').map((r) => r.id);
      const written = await graph.read<{ id: string }>('MATCH (p:Partner) WHERE p.id IN $ids RETURN p.id AS id', { ids: resetWrites });
      expect(written).toEqual([]);
      const [big] = await graph.read<{ partners: number; engagements: number }>(
        'MATCH (p:Partner) WHERE p.id IN $partners WITH count(p) AS partners MATCH (e:Engagement) WHERE e.id IN $engagements RETURN partners, count(e) AS engagements',
        { partners: BIG.partners!.map((p) => p.id), engagements: BIG.engagements!.map((e) => e.id) });
      expect(big).toEqual({ partners: BIG.partners!.length, engagements: BIG.engagements!.length });
    } finally {
      await graph.close();
    }
    expect(succeeded(await gql(api.url, READ))).toBe(true);
    const second = await api.stop();
    expect(second).toEqual({ code: 0, signal: null });
    expect(neo4jPidFor(dataDir)).toBeNull();

    const figures = {
      clients: `${WRITERS} writers + ${READERS} readers, keep-alive`,
      acknowledgedWrites: acknowledged.length,
      acknowledgedLost: 0,
      inFlightAtSigterm: inFlight.length,
      largeImportInFlight: `${BIG.engagements!.length} engagements, answered ${bigReply.doneAt - sigtermAt} ms after SIGTERM`,
      refusedWith503: unavailable.length,
      refusedConnections: refused.length,
      cutOff: cut.length,
      shutdownMs: exitedAt - sigtermAt,
      exitCode: exit.code,
      neo4jStopped: true,
      restartMs,
    };
    recordResults('gracefulShutdown', figures);
    console.log('[graceful-shutdown]', figures);
  }, 600_000);
});
