/**
 * Local Neo4j servers for the benchmark: free port, schema applied; on a temporary data
 * directory (removed afterwards), or on a kept one (`--data-dir`) that outlives the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { Graph, applySchema } from '../graph/db/index.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/db/index.ts';
import { freePort } from './processes.ts';

export interface BenchServer {
  uri: string;
  /** The Java process, for its peak memory. */
  pid: number;
  /** Its data directory (the DBMS home: data/, logs/). */
  dataDir: string;
  driver: Driver;
  /** A Graph (the product's executor) on `driver`. */
  graph: Graph;
  /**
   * Closes the driver and stops the server, keeping its data directory: the store's size
   * on disk is known only now (until the checkpoint at shutdown, an import's records are
   * in the page cache and the transaction logs; Community has no db.checkpoint()).
   */
  stop(): Promise<void>;
  /** stop(), then removes the data directory unless it was a kept one. */
  dispose(): Promise<void>;
}

export interface BenchServerOptions {
  pageCacheMb: number;
  /** JVM heap (-Xmx); the product's machine-sized default when absent. */
  heapMb?: number;
  /** A data directory to use and keep; a new temporary one (removed by dispose) when absent. */
  dataDir?: string;
}

/** Starts a server with the product's schema: empty, or on the store already in `dataDir`. */
export async function startBenchServer(sizing: BenchServerOptions | number, log: (line: string) => void): Promise<BenchServer> {
  // A bare number is the page cache alone, as callers wrote it before stores were kept.
  const options: BenchServerOptions = typeof sizing === 'number' ? { pageCacheMb: sizing } : sizing;
  const kept = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ecomap-bench-neo4j-'));
  const removeDir = () => { if (!kept) rmSync(dataDir, { recursive: true, force: true }); };
  let local: LocalNeo4j;
  try {
    local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb: options.pageCacheMb, heapMb: options.heapMb, log });
  } catch (err) {
    removeDir();
    throw err;
  }
  const driver = plainDriver(local.uri);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= driver.close().then(() => local.stop()));
  const graph = new Graph(driver, { queryTimeoutMs: 30 * 60_000 });
  await driver.verifyConnectivity();
  await applySchema(graph);
  return {
    uri: local.uri,
    pid: local.pid,
    dataDir,
    driver,
    graph,
    stop,
    async dispose() {
      await stop();
      removeDir();
    },
  };
}

/** A driver configured as the product's (plain numbers), without its executor. */
export function plainDriver(uri: string): Driver {
  return neo4j.driver(uri, undefined, { disableLosslessIntegers: true, logging: { level: 'error', logger: () => {} } });
}

export interface ElementCount { nodes: number; relationships: number; elements: number }

/** Nodes and relationships in the store (from the count store, so instant); derived relationships left out. */
export async function countElements(graph: Graph): Promise<ElementCount> {
  const [n] = await graph.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
  const r = await storedRelationships(graph);
  return { nodes: n!.n, relationships: r, elements: n!.n + r };
}

/**
 * Relationships the import was given, from the count store: every one but the
 * `AGAINST` pairs graph/deals derives and keeps beside them (a baseline loader writes none).
 */
async function storedRelationships(graph: Graph): Promise<number> {
  const [r] = await graph.read<{ r: number }>('MATCH ()-[r]->() RETURN count(r) AS r');
  const [derived] = await graph.read<{ r: number }>('MATCH ()-[r:AGAINST]->() RETURN count(r) AS r');
  return r!.r - derived!.r;
}

/** The labels an import writes; the rest (change marks, audit entries, tokens) grows with every write. */
const ECOSYSTEM_LABELS = ['Region', 'Industry', 'Capability', 'Partner', 'Customer', 'Engagement', 'Contribution', 'Commitment', 'Outcome', 'DealRegistration'] as const;

export interface EcosystemCount { nodes: number; relationships: number; byLabel: Record<string, number> }

/**
 * The imported ecosystem's nodes (by label) and relationships, from the count store:
 * what a kept store must still hold to be reused. Every relationship but the derived
 * ones is the ecosystem's (audit entries and change marks have none).
 */
export async function countEcosystem(graph: Graph): Promise<EcosystemCount> {
  const byLabel: Record<string, number> = {};
  // One statement per label: a label cannot be a parameter, and each is a count-store read.
  for (const label of ECOSYSTEM_LABELS) {
    const [row] = await graph.read<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`);
    byLabel[label] = row!.n;
  }
  return { nodes: Object.values(byLabel).reduce((a, b) => a + b, 0), relationships: await storedRelationships(graph), byLabel };
}

/**
 * Removes what earlier runs derived from the ecosystem and stored beside it: the
 * network's computed metrics, `(:GraphState:NetworkMetrics)` (graph/network), which
 * would answer a reused store's "first request on a new database" from the last run.
 * Change marks and audit entries stay: they only grow, and no answer depends on them.
 * Returns how many were removed.
 */
export async function forgetDerived(driver: Driver): Promise<number> {
  const session = driver.session();
  try {
    const result = await session.run('MATCH (s:GraphState:NetworkMetrics) DETACH DELETE s RETURN count(*) AS n');
    return Number(result.records[0]?.get('n') ?? 0);
  } finally {
    await session.close();
  }
}

export async function neo4jVersion(graph: Graph): Promise<string> {
  const rows = await graph.read<{ name: string; versions: string[]; edition: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
  const kernel = rows.find((r) => r.name === 'Neo4j Kernel') ?? rows[0];
  return kernel ? `${kernel.versions.join(', ')} ${kernel.edition}` : 'unknown';
}

