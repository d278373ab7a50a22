/**
 * The network is computed once per graph version and filter, not once per API process
 * and again after every restart (issue 15). Two API processes (`api/main.ts`, as
 * `npm start` runs it) on one database are asked for the same network at the same time:
 * both answer the same metrics with the same `computedAt` (the instant one projection
 * was read), and the database holds one computation. After a write through one
 * process, both answer the last metrics at once with `stale: true`, then the same fresh
 * ones, from a second computation. A third process started afterwards answers fresh at
 * once, computing nothing.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applySchema, type Graph } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput } from '../../graph/model/index.ts';
import { wipe } from '../support/graph.ts';
import { ADMIN, freePort, generatedImportFile, gql, openGraphAt, recordResults, startApi, tempDir, until, type ApiProcess } from './support.ts';

const SIZE = { partners: 400, engagements: 4_000, seed: 15 };
const NETWORK = `{ network(limit: 50) { stale computedAt partnerCount betweennessSample truncated
  nodes { id degree betweenness pagerank community articulationPoint }
  communities { id size label } communityLinks { source target weight } } }`;

interface Answer {
  stale: boolean;
  computedAt: string;
  partnerCount: number;
  nodes: unknown[];
  communities: unknown[];
}

let dir: string;
let graph: Graph;
const apis: ApiProcess[] = [];

beforeAll(async () => {
  dir = tempDir('network-processes');
  const { file } = await generatedImportFile(dir, SIZE);
  graph = openGraphAt(inject('neo4jUri'));
  await applySchema(graph);
  await wipe(graph);
  await importEcosystem(graph, JSON.parse(readFileSync(file, 'utf8')) as EcosystemInput, 300_000);
  for (let i = 0; i < 2; i++) apis.push(await startApi({ NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: String(await freePort()) }));
}, 900_000);

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function ask(api: ApiProcess): Promise<Answer> {
  const reply = await gql(api.url, NETWORK, {}, { token: ADMIN, timeoutMs: 300_000 });
  expect(reply.codes, JSON.stringify(reply.body)).toEqual([]);
  return (reply.body!.data as { network: Answer }).network;
}

/** Networks ever stored for the unfiltered network, across every process. */
async function computations(): Promise<number> {
  const rows = await graph.read<{ n: number }>('MATCH (s:NetworkMetrics) RETURN sum(s.computations) AS n');
  return rows[0]?.n ?? 0;
}

describe('two API processes on one database', { timeout: 900_000 }, () => {
  let first: Answer;

  it('asked together, compute the network once and answer the same', async () => {
    const answers = await Promise.all([0, 1, 0, 1, 0, 1].map((i) => ask(apis[i]!)));
    first = answers[0]!;
    expect(first.stale).toBe(false);
    expect(first.partnerCount).toBeGreaterThan(200);
    for (const answer of answers) expect(answer).toEqual(first);
    expect(await computations()).toBe(1);
  });

  it('after a write through one, both answer the last metrics at once, stale, then the same fresh ones from one more computation', async () => {
    const write = await gql(apis[0]!.url, 'mutation ($id: ID!) { setOutcomeStatus(id: $id, status: MET) { id } }', { id: await anOutcome() }, { token: ADMIN });
    expect(write.codes).toEqual([]);
    const stale = await Promise.all(apis.map(ask));
    for (const answer of stale) expect(answer).toEqual({ ...first, stale: true });
    let fresh: Answer[] = [];
    const waitedMs = await until(async () => {
      fresh = await Promise.all(apis.map(ask));
      return fresh.every((answer) => !answer.stale);
    }, 300_000, 50);
    expect(fresh[1]).toEqual(fresh[0]);
    expect(Date.parse(fresh[0]!.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
    expect(await computations()).toBe(2);
    recordResults('network-processes', { partners: first.partnerCount, processes: 2, computations: 2, freshAfterWriteMs: waitedMs });
  });

  it('a process started later answers fresh from the stored metrics, computing nothing', async () => {
    await apis[0]!.stop();
    apis.push(await startApi({ NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: String(await freePort()) }));
    const answer = await ask(apis.at(-1)!);
    expect(answer.stale).toBe(false);
    expect(answer).toEqual(await ask(apis[1]!));
    expect(await computations()).toBe(2);
  });
});

async function anOutcome(): Promise<string> {
  const [row] = await graph.read<{ id: string }>("MATCH (o:Outcome) WHERE o.status <> 'MET' RETURN o.id AS id ORDER BY o.id LIMIT 1");
  return row!.id;
}
