/**
 * `npm run bench:betweenness`: how close the k-source betweenness estimate comes to the
 * exact value, and what it costs. Imports the S and M ecosystems into fresh servers, reads
 * three co-delivery graphs (S whole, a region-filtered part of M, M whole), computes the
 * exact betweenness of each once, then the estimate for every k of the grid and several
 * seeds; then times the estimate on a synthetic graph of L's size (100,000 partners,
 * 2,000,000 edges), where exact is out of reach. Progress goes to stderr; the markdown
 * report to stdout and bench/BETWEENNESS.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import {
  BETWEENNESS_EXACT_MAX_NODES, BETWEENNESS_SAMPLE_SOURCES, betweennessOf, mulberry32, readCoDeliveryGraph, type NetworkFilter,
} from '../graph/network/index.ts';
import { SIZES, type Size } from './args.ts';
import { exactBetweenness, largestPathCount, measureBetweennessAccuracy, type BetweennessAccuracy } from './betweenness-accuracy.ts';
import { generateDataset } from './dataset.ts';
import { startBenchServer, type BenchServer } from './neo4j.ts';
import { startChild } from './processes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('./BETWEENNESS.md', import.meta.url));

/** The contract's criterion for k, at M. */
const MIN_OVERLAP = 0.9;
const MIN_SPEARMAN = 0.95;
/** A whole recomputation at L (projection, every metric) must fit in 5 minutes. */
const L_BUDGET_SECONDS = 300;
const L_NODES = 100_000;
const L_EDGES = 2_000_000;

const USAGE = `usage: npm run bench:betweenness -- [--k 100,200,400,800] [--seeds 10] [--seed 42]
                                   [--region-partners 3000] [--skip-l] [--out FILE]
  --k                sources of the estimate to compare (default 100,200,400,800)
  --seeds            estimate seeds per k: 42, 43, … (default 10; the product uses 42)
  --seed             the ecosystems' generator seed (default 42)
  --region-partners  the M subgraph takes regions, most partners first, until its
                     co-delivery graph has at least this many partners (default 3000)
  --skip-l           skip timing the estimate on the synthetic L-sized graph
  --out              the report file (default bench/BETWEENNESS.md)`;

interface Options { ks: number[]; seeds: number; seed: number; regionPartners: number; skipL: boolean; out: string }

function parse(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      k: { type: 'string', default: '100,200,400,800' },
      seeds: { type: 'string', default: '10' },
      seed: { type: 'string', default: '42' },
      'region-partners': { type: 'string', default: '3000' },
      'skip-l': { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const ks = values.k.split(',').map((k) => positive(k.trim(), 'k')).sort((a, b) => a - b);
  return {
    ks, seeds: positive(values.seeds, 'seeds'), seed: positive(values.seed, 'seed'),
    regionPartners: positive(values['region-partners'], 'region-partners'), skipL: values['skip-l'], out: values.out,
  };
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a whole number >= 1, got "${value}"`);
  return n;
}

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s load ${loadavg()[0]!.toFixed(2)}] ${line}\n`);

interface Subject { name: string; graph: AbstractGraph }

/** Generates `size`, imports it with `npm run import` into a fresh server, reads what `read` asks for, stops the server. */
async function importAndRead(size: Size, seed: number, read: (server: BenchServer) => Promise<Subject[]>): Promise<Subject[]> {
  log(`${size.name}: generating ${size.partners} partners / ${size.engagements} engagements (seed ${seed})`);
  const dataset = await generateDataset(size, seed);
  const server = await startBenchServer({ pageCacheMb: size.pageCacheMb, heapMb: size.neo4jHeapMb }, log);
  try {
    log(`${size.name}: npm run import -- ${dataset.file}`);
    const child = startChild('npm', ['run', '--silent', 'import', '--', dataset.file], {
      cwd: ROOT, env: { ...process.env, NEO4J_URI: server.uri }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.process.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const code = await child.exited;
    if (code !== 0) throw new Error(`npm run import exited with code ${code}: ${stderr.replace(/.*\r/g, '')}`);
    return await read(server);
  } finally {
    await server.dispose();
  }
}

async function coDelivery(server: BenchServer, name: string, filter: NetworkFilter): Promise<Subject> {
  const t = Date.now();
  const graph = await readCoDeliveryGraph(server.graph, filter);
  log(`  ${name}: ${graph.order} partners, ${graph.size} CO_DELIVERS edges (read in ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return { name, graph };
}

/**
 * Regions with the most partners first (ties by code), one more at a time, until their
 * co-delivery graph has at least `target` partners: above the exact bound, where the
 * product estimates, and well below M's whole graph.
 */
async function regionSubject(server: BenchServer, target: number): Promise<Subject> {
  const rows = await server.graph.read<{ code: string; partners: number }>(
    'MATCH (p:Partner)-[:OPERATES_IN]->(g:Region) RETURN g.code AS code, count(DISTINCT p) AS partners ORDER BY partners DESC, code');
  const regions: string[] = [];
  let partners = 0;
  for (const row of rows) {
    regions.push(row.code);
    partners += row.partners;
    // The graph holds only partners of the regions, so it cannot reach the target before their sum does.
    if (partners < target) continue;
    const subject = await coDelivery(server, `M regions ${regions.join(',')}`, { regions });
    if (subject.graph.order >= target) return subject;
  }
  throw new Error(`all regions together have fewer than ${target} co-delivering partners`);
}

interface Row {
  subject: string;
  nodes: number;
  edges: number;
  exactMs: number;
  largestPaths: number;
  k: number;
  runs: BetweennessAccuracy[];
}

function measure(subject: Subject, ks: number[], seeds: number): Row[] {
  const { graph } = subject;
  log(`${subject.name}: exact betweenness over ${graph.order} sources`);
  const exact = exactBetweenness(graph);
  log(`  exact ${(exact.ms / 1000).toFixed(1)} s, ${(exact.ms / graph.order).toFixed(2)} ms per source`);
  const largestPaths = largestPathCount(graph, 200);
  return ks.filter((k) => k < graph.order).map((k) => {
    const runs = Array.from({ length: seeds }, (_, i) => measureBetweennessAccuracy(graph, k, 42 + i, exact));
    const worst = runs.reduce((w, r) => (r.top20Overlap < w.top20Overlap ? r : w));
    log(`  k ${k}: overlap ${runs.map((r) => r.top20Overlap.toFixed(2)).join(' ')}, Spearman ${runs.map((r) => r.spearman.toFixed(3)).join(' ')}, `
      + `${(mean(runs.map((r) => r.sampledMs)) / 1000).toFixed(1)} s (worst seed ${worst.seed})`);
    return { subject: subject.name, nodes: graph.order, edges: graph.size, exactMs: exact.ms, largestPaths, k, runs };
  });
}

/** A co-delivery-like graph of L's size: engagements of 2 to 5 partners drawn with a skew toward a few (index ~ n·u²). */
function syntheticL(seed: number): UndirectedGraph {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  for (let i = 0; i < L_NODES; i++) graph.addNode(`p${String(i).padStart(6, '0')}`);
  const seen = new Set<number>();
  while (graph.size < L_EDGES) {
    const team = Array.from({ length: 2 + Math.floor(random() * 4) }, () => Math.floor(L_NODES * random() ** 2));
    for (let a = 0; a < team.length; a++) {
      for (let b = a + 1; b < team.length; b++) {
        const [x, y] = team[a]! < team[b]! ? [team[a]!, team[b]!] : [team[b]!, team[a]!];
        if (x === y || seen.has(x * L_NODES + y)) continue;
        seen.add(x * L_NODES + y);
        graph.addUndirectedEdge(`p${String(x).padStart(6, '0')}`, `p${String(y).padStart(6, '0')}`);
      }
    }
  }
  return graph;
}

interface LTiming { nodes: number; edges: number; k: number; ms: number; cpuMs: number; largestPaths: number }

function timeL(k: number, seed: number): LTiming {
  log(`L-sized synthetic graph: ${L_NODES} nodes, ${L_EDGES} edges`);
  const graph = syntheticL(seed);
  log(`  estimate with k ${k}`);
  const t = performance.now();
  // CPU time too: on a shared machine the wall time also counts waiting for a core.
  const cpu = process.cpuUsage();
  betweennessOf(graph, { exactMaxNodes: 0, sample: k, seed: 42 });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  log(`  ${(ms / 1000).toFixed(1)} s, ${(ms / k).toFixed(1)} ms per source (CPU ${(cpuMs / k).toFixed(1)} ms)`);
  return { nodes: graph.order, edges: graph.size, k, ms, cpuMs, largestPaths: largestPathCount(graph, 20) };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const min = (xs: number[]) => Math.min(...xs);
const s = (ms: number) => (ms / 1000).toFixed(1);

const meets = (r: Row) => min(r.runs.map((x) => x.top20Overlap)) >= MIN_OVERLAP && min(r.runs.map((x) => x.spearman)) >= MIN_SPEARMAN;

/** The smallest k of the grid that meets both thresholds on every seed of every graph `which` picks. */
function chooseK(rows: Row[], which: (r: Row) => boolean): number | null {
  const ks = [...new Set(rows.filter(which).map((r) => r.k))].sort((a, b) => a - b);
  return ks.find((k) => rows.filter((r) => which(r) && r.k === k).every(meets)) ?? null;
}

/** The M graphs the product would estimate on (more than BETWEENNESS_EXACT_MAX_NODES partners). */
const estimatedAtM = (r: Row) => r.subject.startsWith('M ') && r.nodes > BETWEENNESS_EXACT_MAX_NODES;

interface Choice { atM: number | null; atMWhole: number | null }

function report(options: Options, rows: Row[], choice: Choice, l: LTiming | null, loads: number[]): string {
  const chosen = choice.atM ?? BETWEENNESS_SAMPLE_SOURCES;
  const grid = options.ks.join(', ');
  const verdict = (k: number | null, where: string) => (k === null
    ? `no k of ${grid} meets both on every seed ${where}`
    : `the smallest k of ${grid} meeting both on every seed ${where} is **${k}**`);
  const mWhole = rows.find((r) => r.subject === 'M whole');
  const perSourceM = mWhole ? mWhole.exactMs / mWhole.nodes : null;
  // A Brandes pass is O(V+E): scale M's per-source time by L's V+2E over M's.
  const perSourceLFromM = mWhole && perSourceM !== null ? perSourceM * (L_NODES + 2 * L_EDGES) / (mWhole.nodes + 2 * mWhole.edges) : null;
  const lines = [
    '# Betweenness: the k-source estimate against the exact value',
    '',
    `\`npm run bench:betweenness\` (${new Date().toISOString().slice(0, 10)}), ecosystems of seed ${options.seed}, estimate seeds `
      + `42..${41 + options.seeds} (the product draws with seed 42). ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, `
      + `1-minute load ${loads.map((x) => x.toFixed(2)).join(' → ')} (start → graphs read → end).`,
    '',
    `Overlap: |top-20 exact ∩ top-20 estimate| / 20 (ties by id). Spearman: rank correlation over all partners (tied values`,
    `share their average rank); "≠ 0" over the partners whose exact value is > 0. Each cell: seed 42 / worst seed / mean.`,
    `Exact runs every partner as a source; the product does so up to ${BETWEENNESS_EXACT_MAX_NODES} partners.`,
    '',
    '| graph | partners | edges | exact s | ms / source | k | overlap | Spearman | Spearman ≠ 0 | estimate s |',
    '|---|---:|---:|---:|---:|---:|---|---|---|---:|',
    ...rows.map((r) => {
      const cell = (f: (x: BetweennessAccuracy) => number, digits: number) => {
        const xs = r.runs.map(f);
        return `${xs[0]!.toFixed(digits)} / ${min(xs).toFixed(digits)} / ${mean(xs).toFixed(digits)}`;
      };
      return `| ${r.subject} | ${r.nodes} | ${r.edges} | ${s(r.exactMs)} | ${(r.exactMs / r.nodes).toFixed(2)} | ${r.k} | `
        + `${cell((x) => x.top20Overlap, 2)} | ${cell((x) => x.spearman, 3)} | ${cell((x) => x.spearmanNonZero, 3)} | ${s(mean(r.runs.map((x) => x.sampledMs)))} |`;
    }),
    '',
    `Largest number of shortest paths from one source to one partner (200 sources spread over each graph; graphology counts them`,
    `in a Uint32Array, which wraps at 4,294,967,296, and betweennessOf throws if it ever does; the exact runs above never did): `
      + [...new Map(rows.map((r) => [r.subject, r.largestPaths])).entries()].map(([g, p]) => `${g} ${p.toLocaleString('en')}`).join(', ')
      + (l ? `, synthetic L (20 sources) ${l.largestPaths.toLocaleString('en')}.` : '.'),
    '',
    `Criterion: top-20 overlap >= ${MIN_OVERLAP} and Spearman >= ${MIN_SPEARMAN}. On both M graphs above ${BETWEENNESS_EXACT_MAX_NODES} partners `
      + `(where the product estimates), ${verdict(choice.atM, 'of each')}; on M whole alone, ${verdict(choice.atMWhole, 'there')}. `
      + `BETWEENNESS_SAMPLE_SOURCES is ${BETWEENNESS_SAMPLE_SOURCES}.`,
    '',
  ];
  if (perSourceM !== null && perSourceLFromM !== null) {
    lines.push(`Per source at M whole: ${perSourceM.toFixed(2)} ms. Scaled to L (${L_NODES.toLocaleString('en')} partners, `
      + `${L_EDGES.toLocaleString('en')} edges) by V+2E, a Brandes pass's cost: ${perSourceLFromM.toFixed(0)} ms, k = ${chosen} `
      + `≈ ${s(perSourceLFromM * chosen)} s. That is a lower bound: M's graph fits in the CPU caches and L's does not.`);
  }
  if (l) {
    lines.push('', `Measured on a synthetic L-sized graph (${l.nodes.toLocaleString('en')} nodes, ${l.edges.toLocaleString('en')} edges, `
      + `engagements of 2–5 partners drawn with a skew toward a few): k = ${l.k} took ${s(l.ms)} s, ${(l.ms / l.k).toFixed(0)} ms per source `
      + `(CPU ${(l.cpuMs / l.k).toFixed(0)} ms), ${(100 * l.ms / 1000 / L_BUDGET_SECONDS).toFixed(0)}% of the ${L_BUDGET_SECONDS} s budget `
      + `of a whole recomputation.`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    const parsed = parse(argv);
    if (parsed === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
    options = parsed;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const loads = [loadavg()[0]!];
  const size = (name: Size['name']) => SIZES.find((x) => x.name === name)!;
  const subjects = [
    ...await importAndRead(size('S'), options.seed, async (server) => [await coDelivery(server, 'S whole', {})]),
    ...await importAndRead(size('M'), options.seed, async (server) => {
      return [await regionSubject(server, options.regionPartners), await coDelivery(server, 'M whole', {})];
    }),
  ];
  loads.push(loadavg()[0]!);
  const rows = subjects.flatMap((subject) => measure(subject, options.ks, options.seeds));
  const choice = { atM: chooseK(rows, estimatedAtM), atMWhole: chooseK(rows, (r) => r.subject === 'M whole') };
  const l = options.skipL ? null : timeL(choice.atM ?? BETWEENNESS_SAMPLE_SOURCES, options.seed);
  loads.push(loadavg()[0]!);
  const markdown = report(options, rows, choice, l, loads);
  process.stdout.write(markdown);
  writeFileSync(options.out, markdown);
  log(`wrote ${options.out}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench:betweenness failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
