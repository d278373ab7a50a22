/**
 * The graph a command-line tool works on (import, export): the configured server
 * (NEO4J_URI) if there is one; otherwise the local server of a running `npm start` if it
 * answers on NEO4J_BOLT_PORT; otherwise the local server, started here on DATA_DIR.
 */
import neo4j from 'neo4j-driver';
import type { GraphConfig } from './config.ts';
import { openGraph, type OpenGraph } from './connect.ts';

export async function openConfiguredGraph(config: GraphConfig): Promise<OpenGraph> {
  if (!config.uri) {
    const uri = `bolt://127.0.0.1:${config.boltPort}`;
    const probe = neo4j.driver(uri, undefined, { connectionTimeout: 1_000, logging: { level: 'error', logger: () => {} } });
    const running = await probe.verifyConnectivity().then(() => true, () => false);
    await probe.close();
    if (running) return openGraph({ ...config, uri });
  }
  return openGraph(config);
}
