/** Fresh local Neo4j servers for the benchmark: free port, temporary data directory, schema applied. */
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
  driver: Driver;
  /** A Graph (the product's executor) on `driver`. */
  graph: Graph;
  /** Closes the driver, stops the server, removes its data directory. */
  dispose(): Promise<void>;
}

/** Starts an empty server with the product's schema. */
export async function startBenchServer(pageCacheMb: number, log: (line: string) => void): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecomap-bench-neo4j-'));
  let local: LocalNeo4j;
  try {
    local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), pageCacheMb, log });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const driver = plainDriver(local.uri);
  const graph = new Graph(driver, { queryTimeoutMs: 30 * 60_000 });
  await driver.verifyConnectivity();
  await applySchema(graph);
  return {
    uri: local.uri,
    pid: local.pid,
    driver,
    graph,
    async dispose() {
      await driver.close();
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A driver configured as the product's (plain numbers), without its executor. */
export function plainDriver(uri: string): Driver {
  return neo4j.driver(uri, undefined, { disableLosslessIntegers: true, logging: { level: 'error', logger: () => {} } });
}

export interface ElementCount { nodes: number; relationships: number; elements: number }

/** Nodes and relationships in the store (from the count store, so instant). */
export async function countElements(graph: Graph): Promise<ElementCount> {
  const [n] = await graph.read<{ n: number }>('MATCH (n) RETURN count(n) AS n');
  const [r] = await graph.read<{ r: number }>('MATCH ()-[r]->() RETURN count(r) AS r');
  return { nodes: n!.n, relationships: r!.r, elements: n!.n + r!.r };
}

export async function neo4jVersion(graph: Graph): Promise<string> {
  const rows = await graph.read<{ name: string; versions: string[]; edition: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
  const kernel = rows.find((r) => r.name === 'Neo4j Kernel') ?? rows[0];
  return kernel ? `${kernel.versions.join(', ')} ${kernel.edition}` : 'unknown';
}
