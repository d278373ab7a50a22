/**
 * Opens the graph: the configured server when NEO4J_URI is set, otherwise the local
 * server this process starts itself. Both go through the same driver and executor.
 */
import neo4j from 'neo4j-driver';
import type { GraphConfig } from './config.ts';
import { Graph } from './executor.ts';
import { startLocalNeo4j, type LocalNeo4j } from './server/launcher.ts';
import { Supervisor } from './server/supervisor.ts';

export interface OpenGraph {
  graph: Graph;
  /**
   * Present when this process started the server (the embedded default): it restarts
   * the server when it dies, and its `gaveUp` resolves when it no longer can.
   */
  local?: Supervisor<LocalNeo4j>;
  /** Closes the driver, then stops the local server if there is one. */
  close(): Promise<void>;
}

export async function openGraph(config: GraphConfig, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<OpenGraph> {
  let local: Supervisor<LocalNeo4j> | undefined;
  let uri = config.uri;
  if (!uri) {
    log(`Starting the local Neo4j (data in ${config.dataDir}, Bolt on 127.0.0.1:${config.boltPort}, `
      + `heap ${config.heapMb} MiB, page cache ${config.pageCacheMb} MiB)…`);
    // The same data directory and port every time, so the driver finds it again by itself.
    const start = () => startLocalNeo4j({
      dataDir: config.dataDir, boltPort: config.boltPort, heapMb: config.heapMb, pageCacheMb: config.pageCacheMb, log,
    });
    const first = await start();
    log(`Neo4j is running (pid ${first.pid}).`);
    local = new Supervisor(first, start, { log });
    uri = first.uri;
  }
  const auth = config.user ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
  const driver = neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    // Fail fast when the server is gone, so requests answer SERVICE_UNAVAILABLE within
    // about 2 s instead of hanging; the driver reconnects by itself once it is back.
    // Retries cover transient conflicts too, but writes queue on one lock, so those are rare.
    // The driver retries after 1 s (±20 %), then 2 s, while less than maxTransactionRetryTime
    // has passed since the first failure: under 0.8 s, that is one retry, ~1.2 s at most; at
    // 1 s a retry landing at 0.8–1 s earned a third try and answers took up to ~3.4 s.
    connectionTimeout: 1_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 700,
    logging: { level: 'error', logger: () => {} },
  });
  const graph = new Graph(driver, { database: config.database, queryTimeoutMs: config.queryTimeoutMs });
  try {
    await waitForConnectivity(driver, local ? 30_000 : 60_000);
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    graph,
    local,
    close: () => (closing ??= (async () => {
      await graph.close();
      await local?.stop();
    })()),
  };
}

async function waitForConnectivity(driver: ReturnType<typeof neo4j.driver>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        throw new Error(`Cannot reach Neo4j: ${err instanceof Error ? err.message : String(err)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
