/**
 * Load (autocannon): 50 connections for 60 s on `accountability` and on a list query,
 * against the API as a child process on the sample ecosystem. Zero errors, timeouts,
 * non-2xx answers or answers other than the expected one; p99 reported; the API process's
 * resident memory sampled every second, and no more than 30 % higher at the end of a run
 * than at its start (after a warm-up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../graph/db/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import { applySchema } from '../../graph/db/index.ts';
import { wipe } from '../support/graph.ts';
import { ADMIN, freePort, openGraphAt, recordResults, ROOT, rssMiB, startApi, type ApiProcess } from './support.ts';

/** The part of autocannon's API used here (the package ships no types). */
interface Histogram { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number }
interface LoadResult {
  requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; mismatches: number;
  '2xx': number; duration: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<LoadResult>;

const CONNECTIONS = 50;
const SECONDS = Number(process.env.FAULTS_LOAD_SECONDS ?? 60);
const WARM_UP_SECONDS = 10;

const QUERIES = {
  accountability: `{ accountability(outcomeId: "o-claims-speed") {
    accountable { id name } outcome { id description dueDate }
    rootCauses { commitment { id owner { name } engagement { name } } path { id } }
    propagated { id } responsible { partner { name } share role rootCauses } } }`,
  list: `{ engagements(first: 20, filter: { statuses: [ACTIVE, PLANNED] }) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name status value customer { name region { code } } orchestrator(asOf: "2026-06-30") { id name } } } } }`,
} as const;

let graph: Graph;
let api: ApiProcess;

beforeAll(async () => {
  graph = openGraphAt(inject('neo4jUri'));
  await applySchema(graph);
  await wipe(graph);
  await importEcosystem(graph, JSON.parse(readFileSync(join(ROOT, 'seeds', 'sample-ecosystem.json'), 'utf8')), 300_000);
  api = await startApi({ NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: String(await freePort()) });
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await graph?.close();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe(`autocannon, ${CONNECTIONS} connections for ${SECONDS} s`, () => {
  it.each(Object.keys(QUERIES) as Array<keyof typeof QUERIES>)('%s: zero errors, p99 reported, memory flat', async (name) => {
    const body = JSON.stringify({ query: QUERIES[name] });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` };
    const first = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
    const expected = await first.text();
    expect(first.status).toBe(200);
    expect(JSON.parse(expected).errors).toBeUndefined();
    const options = { url: `${api.url}/graphql`, method: 'POST', headers, body, connections: CONNECTIONS, timeout: 30, expectBody: expected };

    await autocannon({ ...options, duration: WARM_UP_SECONDS });
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssMiB(api.pid)), 1_000);
    rss.push(rssMiB(api.pid));
    let result: LoadResult;
    try {
      result = await autocannon({ ...options, duration: SECONDS });
    } finally {
      clearInterval(sampler);
    }
    rss.push(rssMiB(api.pid));

    // Every answer a 2xx with exactly the expected body.
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches })
      .toEqual({ errors: 0, timeouts: 0, non2xx: 0, mismatches: 0 });
    expect(result['2xx']).toBeGreaterThan(0);
    // Memory flat: the last ten seconds' median within 30 % of the first ten's.
    const tenth = Math.max(1, Math.min(10, Math.floor(rss.length / 3)));
    const [startMiB, endMiB] = [median(rss.slice(0, tenth)), median(rss.slice(-tenth))];
    expect(endMiB).toBeLessThanOrEqual(startMiB * 1.3);

    const figures = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result['2xx'],
      requestsPerSecond: Math.round(result.requests.average),
      latencyP50Ms: result.latency.p50,
      latencyP90Ms: result.latency.p90,
      latencyP99Ms: result.latency.p99,
      latencyMaxMs: result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      rssStartMiB: startMiB,
      rssMidMiB: rss[Math.floor(rss.length / 2)],
      rssEndMiB: endMiB,
      rssMaxMiB: Math.max(...rss),
    };
    recordResults(`load.${name}`, figures);
    console.log(`[load ${name}]`, JSON.stringify(figures));
  }, 600_000);
});
