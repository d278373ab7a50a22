/**
 * Issue 22: Ecomap's reads side by side with the Neo4j GraphQL Library (@neo4j/graphql 7),
 * which compiles a whole GraphQL query into one Cypher statement. The peer runs as a child
 * (bench/peer-server.ts) over the same database; the three reads are in bench/peer-shapes.ts.
 *
 * For each read: first both answers to every variable set are normalised and compared (a
 * difference stops the comparison with an excerpt of it: timing different work would say
 * nothing); then latency, requests in pairs with the same variables, the side going first
 * alternating, after a warm-up; then throughput, autocannon at each number of connections,
 * the two servers alternating. The API is asked as ADMIN, with its limits on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Graph } from '../graph/db/index.ts';
import type { Fixture } from './fixture.ts';
import { dataOrError, graphqlBody, postGraphql, postJson, type GqlResult } from './http-client.ts';
import { plainDriver } from './neo4j.ts';
import { loadShapes, type Shape, type ShapeName } from './peer-shapes.ts';
import { peakRssMb, startChild, waitForLine } from './processes.ts';
import { atLeast, atMost, TARGETS, type Verdict } from './results.ts';
import { median, msSince, percentile } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ACCEPT = 'application/graphql-response+json, application/json';

export interface PeerPlan {
  /** Measured runs of each latency series and each load. */
  runs: number;
  /** Timed pairs (one request to each side) per run and read; fewer when the budget runs out. */
  iterations: number;
  warmup: number;
  /** Seconds one run of one read may take before it stops early. */
  budgetSeconds: number;
  /** Seconds of autocannon load per server, connection count and run. */
  seconds: number;
  connections: number[];
}

export interface Percentiles { p50: number; p90: number; p99: number; n: number }

export interface PeerLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Answers with a GraphQL `errors` entry. */
  graphqlErrors: number;
}

export interface PeerShapeResult {
  name: ShapeName;
  ecomapQuery: string;
  peerQuery: string;
  /** Which ids it was asked with. */
  picked: string;
  variableSets: number;
  /** Objects in one normalised answer, mean over the variable sets. */
  objects: number;
  /** Median over the runs of each run's percentile, ms. */
  ecomap: Percentiles;
  peer: Percentiles;
  runs: Array<{ ecomap: Percentiles; peer: Percentiles }>;
  throughput: Array<{ connections: number; ecomap: PeerLoad[]; peer: PeerLoad[] }>;
}

export interface PeerResult {
  /** The peer library and its version. */
  library: string;
  plan: PeerPlan;
  shapes: PeerShapeResult[];
  peerPeakRssMb: number | null;
}

/** What one side answers a variable set with, and how long it took. */
interface Side { send(set: number): Promise<GqlResult> }

export async function measurePeer(apiUrl: string, token: string, neo4jUri: string, fx: Fixture, plan: PeerPlan,
  log: (line: string) => void): Promise<PeerResult> {
  const driver = plainDriver(neo4jUri);
  let shapes: Shape[];
  try {
    shapes = await loadShapes(new Graph(driver, { queryTimeoutMs: 10 * 60_000 }), fx);
  } finally {
    await driver.close();
  }
  const peerServer = startChild(process.execPath, ['--import', 'tsx', 'bench/peer-server.ts'], {
    cwd: ROOT, env: { ...process.env, NEO4J_URI: neo4jUri, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const peerUrl = `http://127.0.0.1:${(await waitForLine(peerServer, /listening (\d+)/, 120_000))[1]}`;
    const results: PeerShapeResult[] = [];
    for (const shape of shapes) results.push(await measureShape(shape, apiUrl, token, peerUrl, plan, log));
    return { library: `@neo4j/graphql ${peerVersion()}`, plan, shapes: results, peerPeakRssMb: peakRssMb(peerServer.pid) };
  } finally {
    await peerServer.stop();
  }
}

function peerVersion(): string {
  const file = fileURLToPath(new URL('../node_modules/@neo4j/graphql/package.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

async function measureShape(shape: Shape, apiUrl: string, token: string, peerUrl: string, plan: PeerPlan,
  log: (line: string) => void): Promise<PeerShapeResult> {
  const ecomapBodies = shape.sets.map((s) => graphqlBody(shape.ecomapQuery, s.ecomap));
  const peerBodies = shape.sets.map((s) => graphqlBody(shape.peerQuery, s.peer));
  const ecomap: Side = { send: (i) => postGraphql(apiUrl, token, ecomapBodies[i % ecomapBodies.length]!) };
  const peer: Side = { send: (i) => postJson(peerUrl, '/', peerBodies[i % peerBodies.length]!, { accept: ACCEPT }) };

  log(`  ${shape.name}: ${shape.picked}`);
  const objects = await checkEqual(shape, ecomap, peer);
  log(`  ${shape.name}: the answers agree on all ${shape.sets.length} variable sets (${objects.toFixed(0)} objects an answer on average)`);

  const runs: PeerShapeResult['runs'] = [];
  for (let run = 1; run <= plan.runs; run++) {
    const timed = await timeRun(shape, ecomap, peer, plan, run);
    runs.push(timed);
    log(`  ${shape.name} latency run ${run}/${plan.runs}: Ecomap p50 ${timed.ecomap.p50.toFixed(1)} / p99 ${timed.ecomap.p99.toFixed(1)} ms, `
      + `peer p50 ${timed.peer.p50.toFixed(1)} / p99 ${timed.peer.p99.toFixed(1)} ms (${timed.ecomap.n} pairs)`);
  }

  const throughput: PeerShapeResult['throughput'] = [];
  const ecomapLoad = { url: apiUrl, path: '/graphql', headers: { 'content-type': 'application/json', accept: ACCEPT, authorization: `Bearer ${token}` }, bodies: ecomapBodies };
  const peerLoad = { url: peerUrl, path: '/', headers: { 'content-type': 'application/json', accept: ACCEPT }, bodies: peerBodies };
  for (const connections of plan.connections) {
    const row = { connections, ecomap: [] as PeerLoad[], peer: [] as PeerLoad[] };
    for (let run = 1; run <= plan.runs; run++) {
      // Alternating which server is loaded first, so a drift of the machine's load favours neither.
      const order = run % 2 === 1 ? (['ecomap', 'peer'] as const) : (['peer', 'ecomap'] as const);
      for (const side of order) row[side].push(await load(side === 'ecomap' ? ecomapLoad : peerLoad, connections, plan.seconds));
      const [a, p] = [row.ecomap.at(-1)!, row.peer.at(-1)!];
      log(`  ${shape.name} at ${connections} connections, run ${run}/${plan.runs}: Ecomap ${a.requestsPerSecond.toFixed(0)} req/s, `
        + `peer ${p.requestsPerSecond.toFixed(0)} req/s${failures('Ecomap', a)}${failures('peer', p)}`);
    }
    throughput.push(row);
  }
  return {
    name: shape.name, ecomapQuery: shape.ecomapQuery, peerQuery: shape.peerQuery, picked: shape.picked, variableSets: shape.sets.length, objects,
    ecomap: acrossRuns(runs.map((r) => r.ecomap)), peer: acrossRuns(runs.map((r) => r.peer)), runs, throughput,
  };
}

function failures(side: string, l: PeerLoad): string {
  return l.non2xx + l.errors + l.graphqlErrors > 0 ? ` — ${side}: ${l.non2xx} non-2xx, ${l.errors} errors, ${l.graphqlErrors} GraphQL errors` : '';
}

/** Asks both sides every variable set; throws with the first difference. Returns the mean number of objects an answer holds. */
async function checkEqual(shape: Shape, ecomap: Side, peer: Side): Promise<number> {
  let objects = 0;
  for (let i = 0; i < shape.sets.length; i++) {
    const vars = JSON.stringify(shape.sets[i]!.ecomap);
    const a = shape.normaliseEcomap(answer(`${shape.name}, Ecomap, ${vars}`, await ecomap.send(i)));
    const b = shape.normalisePeer(answer(`${shape.name}, peer, ${JSON.stringify(shape.sets[i]!.peer)}`, await peer.send(i)));
    const difference = firstDifference(a, b, '$');
    if (difference !== null) {
      throw new Error(`${shape.name}: Ecomap and @neo4j/graphql answer ${vars} differently, first at ${difference}`);
    }
    if (a === null || (Array.isArray(a) && a.length === 0)) throw new Error(`${shape.name}: both sides found nothing for ${vars}`);
    objects += countObjects(a);
  }
  return objects / shape.sets.length;
}

/** The answer's data; throws naming `what` on an HTTP or GraphQL error. */
function answer(what: string, result: GqlResult): unknown {
  if (result.status !== 200) throw new Error(`${what}: HTTP ${result.status} ${result.body.slice(0, 300)}`);
  try {
    return dataOrError(result);
  } catch (err) {
    throw new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Where `a` and `b` first differ (a path and both values, clipped), or null when they are the same. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    const lengths = a.length === b.length ? '' : ` (Ecomap ${a.length} items, peer ${b.length})`;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return `${d}${lengths}`;
    }
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], `${path}.${key}`);
      if (d !== null) return d;
    }
  }
  const clip = (v: unknown) => (JSON.stringify(v) ?? 'nothing').slice(0, 400);
  return `${path}: Ecomap ${clip(a)}, peer ${clip(b)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function countObjects(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, item) => n + countObjects(item), 0);
  if (isRecord(v)) return 1 + Object.values(v).reduce((n: number, item) => n + countObjects(item), 0);
  return 0;
}

async function timeRun(shape: Shape, ecomap: Side, peer: Side, plan: PeerPlan, run: number): Promise<{ ecomap: Percentiles; peer: Percentiles }> {
  const times = { ecomap: [] as number[], peer: [] as number[] };
  const timeOne = async (side: Side, i: number): Promise<number> => {
    const start = process.hrtime.bigint();
    const result = await side.send(i);
    const ms = msSince(start);
    answer(shape.name, result);
    return ms;
  };
  const warming = Date.now();
  for (let i = 0; i < plan.warmup && Date.now() - warming < plan.budgetSeconds * 1000; i++) {
    await timeOne(ecomap, i);
    await timeOne(peer, i);
  }
  const started = Date.now();
  const offset = (run - 1) * plan.iterations; // each run starts on another variable set
  for (let i = 0; i < plan.iterations && Date.now() - started < plan.budgetSeconds * 1000; i++) {
    // Each side in turn goes first, so neither always runs right after the other's work.
    const order = i % 2 === 0 ? (['ecomap', 'peer'] as const) : (['peer', 'ecomap'] as const);
    for (const side of order) times[side].push(await timeOne(side === 'ecomap' ? ecomap : peer, offset + i));
  }
  return { ecomap: percentiles(times.ecomap), peer: percentiles(times.peer) };
}

function percentiles(samples: number[]): Percentiles {
  return { p50: percentile(samples, 50), p90: percentile(samples, 90), p99: percentile(samples, 99), n: samples.length };
}

function acrossRuns(runs: Percentiles[]): Percentiles {
  return {
    p50: median(runs.map((r) => r.p50)), p90: median(runs.map((r) => r.p90)), p99: median(runs.map((r) => r.p99)),
    n: runs.reduce((n, r) => n + r.n, 0),
  };
}

interface LoadTarget { url: string; path: string; headers: Record<string, string>; bodies: string[] }

/** autocannon on one server; each connection sends the variable sets in turn. */
async function load(target: LoadTarget, connections: number, seconds: number): Promise<PeerLoad> {
  let graphqlErrors = 0;
  const r = await autocannon({
    url: `${target.url}${target.path}`, connections, duration: seconds, method: 'POST', headers: target.headers,
    requests: target.bodies.map((body) => ({
      method: 'POST', path: target.path, headers: target.headers, body,
      onResponse: (_status: number, text: string) => { if (text.includes('"errors":')) graphqlErrors++; },
    })),
  });
  return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, graphqlErrors };
}

// ---------------------------------------------------------------- the report section

const ms = (v: number) => (Number.isFinite(v) ? (v < 100 ? v.toFixed(1) : v.toFixed(0)) : 'n/a');
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const rps = (list: PeerLoad[]) => median(list.map((l) => l.requestsPerSecond));
/** The percentiles whose ratio has a target for this read (none: shown for information). */
const targetedPercentiles = (name: ShapeName): ReadonlyArray<'p50' | 'p99'> => TARGETS.peer.latency[name];

/** The latency rows' verdict: every targeted percentile at most the target ratio. */
function latencyVerdict(s: PeerShapeResult): Verdict | null {
  const targeted = targetedPercentiles(s.name);
  if (targeted.length === 0) return null;
  const verdicts = targeted.map((p) => atMost(s.ecomap[p] / s.peer[p], TARGETS.peer.latencyRatio));
  return verdicts.includes('n/a') ? 'n/a' : verdicts.every((v) => v === 'PASS') ? 'PASS' : 'FAIL';
}

export function peerSection(result: PeerResult | { error: string }): string {
  if ('error' in result) return `### Side by side with @neo4j/graphql (issue 22)\n\n**n/a**: ${result.error}`;
  const { plan } = result;
  const shown = (s: PeerShapeResult) => `${s.name} (${s.variableSets} variable sets, ${int(s.objects)} objects an answer)`;
  const lines = [
    '### Side by side with @neo4j/graphql (issue 22)',
    '',
    `The same three reads asked of the API and of the Neo4j GraphQL Library (${result.library}), which compiles a whole GraphQL query into one `
      + 'Cypher statement and runs it in one read transaction, served as its documentation deploys it (bench/peer-server.ts: its schema in an '
      + 'ApolloServer behind `startStandaloneServer`; type definitions in bench/peer-typedefs.ts) over the same database. '
      + 'Before timing, both answers to every variable set are reduced to the same plain structure (same fields, same order) and compared: they are equal. '
      + 'The API is asked as ADMIN with its bearer token and its limits on. The peer does none of what the API does around a read: '
      + 'no authentication, no partner scope (the API\'s statements carry the scope check, which is null for ADMIN), no cost, depth, alias or '
      + 'list limits, no request id or log line, and no answer cache (nor does the API\'s answer these three reads: it keeps network, '
      + 'coverageGaps and ecosystemHealth only). The API answers with one batched statement per level of the selection; the peer with one statement.',
    '',
    ...result.shapes.map((s) => `- ${s.name}: ${s.picked}.`),
    '',
    `Latency: ${plan.iterations} pairs a run after ${plan.warmup} warm-up pairs (or ${plan.budgetSeconds} s), each pair the same variables, the side going first alternating; `
      + `per run p50, p90 and p99 of each side, the table shows the median over ${plan.runs} run(s). Ratio: Ecomap / peer. `
      + `Target: ≤ ${TARGETS.peer.latencyRatio}× the peer (nested list and deep at p50 and p99, partner by id at p50).`,
    '',
    '| read | Ecomap p50 | Ecomap p90 | Ecomap p99 | peer p50 | peer p90 | peer p99 | ratio p50 | ratio p90 | ratio p99 | target | verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...result.shapes.map((s) => {
      const targeted = targetedPercentiles(s.name);
      const verdict = latencyVerdict(s);
      return `| ${shown(s)} | ${ms(s.ecomap.p50)} ms | ${ms(s.ecomap.p90)} ms | ${ms(s.ecomap.p99)} ms | ${ms(s.peer.p50)} ms | ${ms(s.peer.p90)} ms | ${ms(s.peer.p99)} ms `
        + `| ${x(s.ecomap.p50 / s.peer.p50)} | ${x(s.ecomap.p90 / s.peer.p90)} | ${x(s.ecomap.p99 / s.peer.p99)} `
        + `| ${targeted.length === 0 ? '–' : `${targeted.join(' and ')} ≤ ${TARGETS.peer.latencyRatio}×`} | ${verdict === null ? '–' : `**${verdict}**`} |`;
    }),
    '',
    `Throughput: autocannon, ${plan.seconds} s a load, each connection sending the variable sets in turn, the two servers alternating; `
      + `median requests/s of ${plan.runs} run(s). Ratio: Ecomap / peer. Target: ≥ ${TARGETS.peer.throughputRatio}× the peer (nested list and deep).`,
    '',
    '| read | connections | Ecomap requests/s | Ecomap p99 | peer requests/s | peer p99 | ratio | target | verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...result.shapes.flatMap((s) => s.throughput.map((t) => {
      const ratio = rps(t.ecomap) / rps(t.peer);
      const targeted = (TARGETS.peer.throughput as readonly ShapeName[]).includes(s.name);
      return `| ${s.name} | ${t.connections} | ${int(rps(t.ecomap))} | ${ms(median(t.ecomap.map((l) => l.p99)))} ms | ${int(rps(t.peer))} | ${ms(median(t.peer.map((l) => l.p99)))} ms `
        + `| ${x(ratio)} | ${targeted ? `≥ ${TARGETS.peer.throughputRatio}×` : '–'} | ${targeted ? `**${atLeast(ratio, TARGETS.peer.throughputRatio)}**` : '–'} |`;
    })),
  ];
  const bad = result.shapes.flatMap((s) => s.throughput.flatMap((t) => [
    ...t.ecomap.map((l) => ['Ecomap', s.name, t.connections, l] as const), ...t.peer.map((l) => ['peer', s.name, t.connections, l] as const),
  ])).filter(([, , , l]) => l.non2xx + l.errors + l.graphqlErrors > 0);
  if (bad.length > 0) {
    lines.push('', `Under load, not every answer was a success: ${bad.map(([side, name, c, l]) => `${side} on ${name} at ${c} connections: `
      + `${l.non2xx} non-2xx, ${l.errors} errors, ${l.graphqlErrors} GraphQL errors`).join('; ')}.`);
  }
  if (result.peerPeakRssMb !== null) lines.push('', `Peak resident memory (VmHWM) of the peer's process: ${result.peerPeakRssMb.toFixed(0)} MiB.`);
  return lines.join('\n');
}
